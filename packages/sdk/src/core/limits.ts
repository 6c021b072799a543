// The numbers delivery works within: Firehose's batch limits and our retry policy. Constants only, so the part of the
// SDK that saves entries can read the defaults without pulling in the code that sends them.

/** Limits for one PutRecordBatch call. */
export interface BatchLimits {
  /** Records per call. Firehose allows at most 500. @default 500 */
  readonly maxRecords: number;
  /** Sum of record sizes (bytes, before base64) per call. Firehose allows at most 4 MiB. @default 4 MiB */
  readonly maxBytes: number;
}

/** Firehose's own PutRecordBatch limits. */
export const FIREHOSE_BATCH_LIMITS: BatchLimits = { maxRecords: 500, maxBytes: 4 * 1024 * 1024 };

/**
 * The most request body a `fetch(..., {keepalive: true})` may have in flight per page (64 KiB, Fetch standard). Used
 * for the best-effort send when the page is hidden or unloaded.
 */
export const KEEPALIVE_BODY_BYTES = 64 * 1024;

/** How retries are spaced. All durations in milliseconds. */
export interface RetryPolicy {
  /** First retry's upper bound; each further attempt doubles it. @default 300 */
  readonly baseDelayMs: number;
  /** Upper bound for any one wait. @default 20_000 */
  readonly maxDelayMs: number;
  /**
   * First retry's upper bound after Cognito throttled getting guest credentials (the failure policy's identity
   * backoff); each further attempt doubles it. @default 2_000 (`DEFAULT_IDENTITY_BACKOFF`, kept with the sending code)
   */
  readonly identityBaseDelayMs?: number;
  /** Upper bound for any one wait after Cognito throttled. @default 120_000 */
  readonly identityMaxDelayMs?: number;
  /**
   * How long one page visit keeps retrying an entry before leaving it stored for the next visit, the next `online`
   * event or an explicit `flush()`. @default 600_000 (10 minutes)
   */
  readonly deadlineMs: number;
  /**
   * Wait after an error only an operator can fix (access denied, stream missing) before trying again, in case it was
   * fixed meanwhile. @default 300_000 (5 minutes)
   */
  readonly operatorFixDelayMs: number;
}

/** The default {@link RetryPolicy}. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 300,
  maxDelayMs: 20_000,
  deadlineMs: 600_000,
  operatorFixDelayMs: 300_000,
};

/**
 * How long an entry may wait on the device before it is removed unsent: 7 days, in milliseconds. Servers use it too: a
 * record claiming to be older than this was not queued by a stock client (or its device clock is wrong).
 */
export const DEFAULT_MAX_ENTRY_AGE_MS = 7 * 24 * 60 * 60 * 1000;
