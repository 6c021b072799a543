// Public surface of '@campaign-entry/emulator' (platform-neutral: runs in browsers and Node). The msw handlers live
// under '@campaign-entry/emulator/msw' and the Node server under '@campaign-entry/emulator/server'.
export type { DeliveryCounters } from './delivery.js';
export { createEmulator } from './emulator.js';
export type { AcknowledgedRecord, Emulator, EmulatorRequest, EmulatorStats } from './emulator-api.js';
export {
  AWS_ERROR_STATUS,
  type AwsErrorType,
  AwsServiceError,
  ConfigError,
  DeliveryError,
  EmulatorError,
  EmulatorErrorCode,
  isEmulatorError,
  StartupError,
} from './errors.js';
export { MAX_BATCH_BYTES, MAX_BATCH_RECORDS, MAX_RECORD_BYTES } from './firehose.js';
export { gunzip, gzip } from './gzip.js';
export { createInspectionApi, INSPECTION_PREFIX } from './inspection.js';
export {
  ACCOUNT_ID,
  type BufferingHints,
  DEFAULT_BUCKET,
  DEFAULT_ERROR_PREFIX,
  DEFAULT_POOL_ID,
  DEFAULT_PREFIX,
  DEFAULT_REGION,
  DEFAULT_STREAM_NAME,
  defaultPoolId,
  defaultQuotas,
  type EmulatorOptions,
  type Faults,
  NO_FAULTS,
  type PoolOptions,
  type QuotaSettings,
  type Quotas,
  type ResolvedPool,
  type ResolvedStream,
  type StaticCredentials,
  type StreamOptions,
} from './options.js';
export type { EmulatorResponse } from './protocol.js';
export { createSeededRandom } from './random.js';
export {
  createMemorySink,
  firehoseObjectKey,
  type MemorySink,
  type ObjectKeyParts,
  type S3ObjectWrite,
  type S3Sink,
} from './s3-sink.js';
export { MAX_CLOCK_SKEW_MS } from './sigv4.js';
export type { CognitoCounters, SecondStats, StreamCounters } from './stats.js';
export {
  type FirehoseTransform,
  PROCESSING_FAILED,
  PROCESSOR_BUFFER_BYTES,
  type ProcessingFailedLine,
  TRANSFORM_RETRIES,
  type TransformCounters,
  type TransformEvent,
  type TransformEventRecord,
  type TransformResult,
  type TransformResultRecord,
} from './transform.js';
