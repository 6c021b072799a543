// The emulator's defaults: AWS's documented values, and the placeholders every ARN and default pool uses. One place,
// read by option resolution, the services and the command line's help text alike.
import type { Faults, Quotas } from './options.js';

/** Region used when none is given. @default 'us-east-1' */
export const DEFAULT_REGION = 'us-east-1';

/** The one identity pool created when none is given (for the default region; other regions swap the prefix). */
export const DEFAULT_POOL_ID = 'us-east-1:00000000-0000-4000-8000-000000000000';

/** The delivery stream created when none is given. */
export const DEFAULT_STREAM_NAME = 'entries-0';

/** S3 bucket a stream delivers to when it names none. */
export const DEFAULT_BUCKET = 'campaign-entries';

/** S3 key prefix a stream delivers under when it names none (Firehose then adds `YYYY/MM/DD/HH/`). */
export const DEFAULT_PREFIX = 'entries/';

/**
 * S3 key prefix of a stream's error output when it names none: records a transform refused go under
 * `errors/processing-failed/YYYY/MM/DD/HH/`, as the template's `errors/!{firehose:error-output-type}/…` gives on AWS.
 */
export const DEFAULT_ERROR_PREFIX = 'errors/';

/** The AWS account id in every ARN the emulator shows: a placeholder, never a real account. */
export const ACCOUNT_ID = '000000000000';

/** Lifetime of issued credentials when none is given, in seconds (Cognito's default: one hour). */
export const DEFAULT_CREDENTIAL_TTL_SECONDS = 3600;

/** Buffering size hint when none is given, in bytes (Firehose's default, 5 MiB). */
export const DEFAULT_BUFFER_SIZE_BYTES = 5 * 1024 * 1024;

/** Buffering interval hint when none is given, in milliseconds (Firehose's default, 300 s). */
export const DEFAULT_BUFFER_INTERVAL_MS = 300_000;

/** No faults at all. */
export const NO_FAULTS: Readonly<Faults> = Object.freeze({
  recordFailureRate: 0,
  throttleRate: 0,
  serverErrorRate: 0,
  latencyMs: 0,
  dropRate: 0,
  responseDropRate: 0,
  offline: false,
  cognitoThrottleRate: 0,
  serverClockOffsetMs: 0,
});

const MIB = 1024 * 1024;
/** Regions with Firehose's larger Direct PUT quotas. */
const LARGE_QUOTA_REGIONS = new Set(['us-east-1', 'us-west-2', 'eu-west-1']);

/**
 * AWS's default quotas for a region: Firehose Direct PUT per stream, Cognito Identity per account.
 * @example defaultQuotas('eu-central-1').requestsPerSecond // 1000
 */
export function defaultQuotas(region: string): Quotas {
  const large = LARGE_QUOTA_REGIONS.has(region);
  return {
    requestsPerSecond: large ? 2000 : 1000,
    recordsPerSecond: large ? 500_000 : 100_000,
    bytesPerSecond: large ? 5 * MIB : 1 * MIB,
    getIdPerSecond: 25,
    getCredentialsPerSecond: 200,
  };
}

/** The default pool id for `region`: {@link DEFAULT_POOL_ID} with the region prefix swapped. */
export function defaultPoolId(region: string): string {
  return `${region}:${DEFAULT_POOL_ID.slice(DEFAULT_POOL_ID.indexOf(':') + 1)}`;
}
