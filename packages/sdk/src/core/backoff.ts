// Retry timing: exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"), so a
// stadium of phones that were throttled together do not come back together.

/** How retries are spaced. All durations in milliseconds. */
export interface RetryPolicy {
  /** First retry's upper bound; each further attempt doubles it. @default 300 */
  readonly baseDelayMs: number;
  /** Upper bound for any one wait. @default 20_000 */
  readonly maxDelayMs: number;
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
 * The wait before retry number `attempt` (1 = first retry): uniform in `[0, min(maxDelayMs, baseDelayMs * 2^(attempt-1))]`.
 * @param random a source in [0, 1), injected so tests are deterministic
 */
export function nextDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
