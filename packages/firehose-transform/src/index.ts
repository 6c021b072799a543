// @campaign-entry/firehose-transform — the public surface, and the Lambda's entry: the bundle (dist/index.mjs) is
// deployed as `index.mjs`, handler `index.handler`. Everything else is internal and may change.
import { createEnvironmentHandler } from './handler.js';

export type { CheckedRecord, RecordChecks, RecordOutcome, RejectedIssue } from './check-record.js';
export { checkRecord, MAX_META_LENGTH, RejectReason } from './check-record.js';
export type { TransformConfig, TransformEnvironment } from './config.js';
export { configFromEnv } from './config.js';
export type {
  FirehoseRecord,
  FirehoseResultRecord,
  FirehoseTransformEvent,
  FirehoseTransformResult,
} from './contract.js';
export { MAX_RESPONSE_BYTES, PROCESSOR_BUFFER_BYTES, RecordResult } from './contract.js';
export { isTransformError, TransformError, TransformErrorCode } from './errors.js';
export type { TransformHandler, TransformHandlerOptions } from './handler.js';
export { createEnvironmentHandler, createTransformHandler, METRICS_NAMESPACE } from './handler.js';
export type { ReviewInput } from './review.js';
export { MAX_CLOCK_AHEAD_MS, MAX_CLOCK_BEHIND_MS, ReviewFlag, reviewFlags } from './review.js';
export type { BatchOutcome, BatchSummary, Rejection } from './transform-batch.js';
export { transformBatch } from './transform-batch.js';

/**
 * The Lambda handler: configuration from `CAMPAIGN_ID`, `FIELDS`, `MIN_AGE`, `OPENS_AT`, `CLOSES_AT` (see
 * {@link configFromEnv}). Lambda calls it as `index.handler`.
 */
export const handler = createEnvironmentHandler();
