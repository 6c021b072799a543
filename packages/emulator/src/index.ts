// Public surface of '@campaign-entry/emulator' (platform-neutral: runs in browsers and Node). The msw handlers live
// under '@campaign-entry/emulator/msw' and the Node server under '@campaign-entry/emulator/server'.

// Every default (region, pool id, stream, bucket, prefixes, quotas, buffering, credential lifetime) is public.
export * from './config/defaults.js';
export type {
  BufferingHints,
  EmulatorOptions,
  Faults,
  PoolOptions,
  PoolQuotaSettings,
  QuotaSettings,
  Quotas,
  ResolvedPool,
  ResolvedStream,
  StaticCredentials,
  StreamOptions,
} from './config/options.js';
export type { DeliveryCounters } from './delivery/delivery.js';
export { gunzip, gzip } from './delivery/gzip.js';
export {
  createMemorySink,
  firehoseObjectKey,
  type MemorySink,
  type ObjectKeyParts,
  type S3ObjectWrite,
  type S3Sink,
} from './delivery/s3-sink.js';
export {
  PROCESSING_FAILED,
  PROCESSOR_BUFFER_BYTES,
  type ProcessingFailedLine,
  TRANSFORM_RETRIES,
  type TransformCounters,
} from './delivery/transform.js';
export type {
  FirehoseTransform,
  TransformEvent,
  TransformEventRecord,
  TransformResult,
  TransformResultRecord,
} from './delivery/transform-api.js';
export { createEmulator } from './emulator.js';
export type { AcknowledgedRecord, Emulator, EmulatorRequest, EmulatorStats } from './emulator-api.js';
export { createInspectionApi, INSPECTION_PREFIX } from './hosts/inspection.js';
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
} from './services/errors.js';
export { MAX_BATCH_BYTES, MAX_BATCH_RECORDS, MAX_RECORD_BYTES } from './services/firehose.js';
export { createSeededRandom } from './services/random.js';
export type { EmulatorResponse } from './services/response.js';
export { MAX_CLOCK_SKEW_MS } from './services/sigv4.js';
export type { CognitoCounters, SecondStats, StreamCounters } from './services/stats.js';
