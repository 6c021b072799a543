// The emulator's options, as given and as resolved. Defaults live in defaults.ts, validation in resolve.ts.
import type { S3Sink } from '../delivery/s3-sink.js';
import type { FirehoseTransform } from '../delivery/transform-api.js';

/** An identity pool. */
export interface PoolOptions {
  /** `<region>:<uuid>`, e.g. {@link DEFAULT_POOL_ID}. */
  id: string;
  /** Whether `GetId` may create guest identities; without it `GetId` answers `NotAuthorizedException`. @default true */
  allowUnauthenticated?: boolean;
  /**
   * The pool's region, which its id must start with: a pool outside the emulator's `region` says so here, so a typo in
   * an id still fails. Its Cognito calls count against that region's quotas (AWS counts per account and region).
   * @default the emulator's `region`
   */
  region?: string;
  /** Cognito quotas of the pool's region, over the emulator's (`0` refuses every call: a region that throttles). */
  quotas?: PoolQuotaSettings;
}

/** Per-region Cognito quota overrides: a number, or `false`/`null`/`Infinity` to lift that quota. */
export type PoolQuotaSettings = Pick<QuotaSettings, 'getIdPerSecond' | 'getCredentialsPerSecond'>;

/** A Direct PUT delivery stream with an S3 destination. */
export interface StreamOptions {
  /** Delivery stream name, 1–64 of `[a-zA-Z0-9_.-]`. */
  name: string;
  /** Destination bucket. @default 'campaign-entries' */
  bucket?: string;
  /** Destination key prefix. @default 'entries/' */
  prefix?: string;
  /** Error output prefix; a transform's refusals go under `<errorPrefix>processing-failed/`. @default 'errors/' */
  errorPrefix?: string;
}

/**
 * Request quotas. Firehose quotas apply per stream (PutRecord and PutRecordBatch combined), Cognito ones per region of
 * the pools (AWS counts them per account and region; see {@link PoolOptions.quotas}). Each is counted in one-second windows of the emulator's clock.
 */
export interface Quotas {
  /** Firehose calls per second per stream. @default 2000 (us-east-1, us-west-2, eu-west-1; 1000 elsewhere) */
  requestsPerSecond: number;
  /** Firehose records per second per stream. @default 500000 (100000 outside the three large regions) */
  recordsPerSecond: number;
  /** Firehose bytes (before base64) per second per stream. @default 5 MiB (1 MiB outside the three large regions) */
  bytesPerSecond: number;
  /** Cognito `GetId` calls per second. @default 25 */
  getIdPerSecond: number;
  /** Cognito `GetCredentialsForIdentity` calls per second. @default 200 */
  getCredentialsPerSecond: number;
}

/** Quota overrides: a number, or `false`/`null`/`Infinity` to lift that quota. */
export type QuotaSettings = { [K in keyof Quotas]?: number | false | null };

/** Faults to inject; every rate is a probability from 0 to 1, drawn from the seeded generator. */
export interface Faults {
  /** Chance that each record of a PutRecordBatch fails inside a 200 answer (`ServiceUnavailableException` or `InternalFailure`). @default 0 */
  recordFailureRate: number;
  /** Chance that a Firehose call is refused whole with `ServiceUnavailableException` "Slow down.". @default 0 */
  throttleRate: number;
  /** Chance that a Firehose call fails with 500 `InternalFailure` or 503 `ServiceUnavailable`. @default 0 */
  serverErrorRate: number;
  /** Latency added before each answer, in milliseconds. @default 0 */
  latencyMs: number;
  /** Chance that a request's connection is dropped before it is processed (either service). @default 0 */
  dropRate: number;
  /** Chance that a Firehose call is processed (records kept) but its answer is lost: the client retries and duplicates. @default 0 */
  responseDropRate: number;
  /** Drop every request to either service. @default false */
  offline: boolean;
  /** Chance that a Cognito call is refused with `TooManyRequestsException`. @default 0 */
  cognitoThrottleRate: number;
  /** How far the emulator's clock runs ahead (positive) of its `clock`, in milliseconds; > 5 min gives signature-expired answers. @default 0 */
  serverClockOffsetMs: number;
}

/** Firehose buffering hints: a stream's buffer is written once it holds this many bytes or is this old. */
export interface BufferingHints {
  /** Bytes (before compression). @default 5 MiB (Firehose's default; AWS allows 1–128 MiB) */
  sizeBytes?: number;
  /** Milliseconds since the first record in the buffer arrived. @default 300000 (AWS allows 0–900 s) */
  intervalMs?: number;
}

/** Options of {@link createEmulator}. */
export interface EmulatorOptions {
  /** AWS region the endpoints answer for. @default 'us-east-1' */
  region?: string;
  /** Identity pools. @default one pool, {@link DEFAULT_POOL_ID} (its prefix follows `region`) */
  pools?: PoolOptions[];
  /** Delivery streams. @default `[{ name: 'entries-0' }]` */
  streams?: StreamOptions[];
  /** Lifetime of the credentials `GetCredentialsForIdentity` issues, in seconds. @default 3600 */
  credentialTtlSeconds?: number;
  /** Long-lived keys also accepted on Firehose calls (e.g. for load tests that skip Cognito). @default [] */
  staticCredentials?: StaticCredentials[];
  /** Quota overrides. @default AWS's values for `region` */
  quotas?: QuotaSettings;
  /** Faults to inject from the start. @default none */
  faults?: Partial<Faults>;
  /** Firehose buffering hints. @default 5 MiB / 300 s */
  buffering?: BufferingHints;
  /** Where delivered objects go. @default an in-memory sink */
  sink?: S3Sink;
  /** The emulator's clock, in milliseconds since the epoch. @default Date.now */
  clock?: () => number;
  /** Seed of the generator behind every fault decision; the same seed and requests give the same faults. @default random */
  seed?: number;
  /** Source of identifiers and secrets. @default crypto.getRandomValues */
  randomBytes?: (length: number) => Uint8Array;
  /** Waits `ms` milliseconds (used for `latencyMs`). @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** Told about background failures (a sink write that failed during a timed delivery). @default none */
  onError?: (error: Error) => void;
  /**
   * Firehose data transformation: called with each buffered batch (at most 1 MiB per call, as the stack's Lambda
   * processor) before it is written. `Ok` records are written under the stream's prefix, refused ones as Firehose's
   * error records under `<errorPrefix>processing-failed/`. Pass `@campaign-entry/firehose-transform`'s handler to run
   * what the stack runs. @default none: records are written as sent
   */
  transform?: FirehoseTransform;
}

/** A long-lived access key pair the emulator accepts as if IAM had issued it. */
export interface StaticCredentials {
  /** Access key id. */
  accessKeyId: string;
  /** Secret access key. */
  secretAccessKey: string;
  /** Session token the requests must carry, if any. */
  sessionToken?: string;
}

/** A stream after defaults are applied. */
export interface ResolvedStream {
  /** Delivery stream name. */
  name: string;
  /** Destination bucket. */
  bucket: string;
  /** Destination key prefix. */
  prefix: string;
  /** Error output prefix, when one was given. @default {@link DEFAULT_ERROR_PREFIX} */
  errorPrefix?: string;
}

/** A pool after defaults are applied. */
export interface ResolvedPool {
  /** Pool id. */
  id: string;
  /** Whether guest identities are allowed. */
  allowUnauthenticated: boolean;
  /** Its region, when not the emulator's. */
  region?: string;
  /** Its region's Cognito quotas, where they differ from the emulator's. */
  quotas?: Partial<Pick<Quotas, 'getIdPerSecond' | 'getCredentialsPerSecond'>>;
}
