// Retry timing: exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"), so a
// stadium of phones that were throttled together do not come back together.
import { Backoff } from './errors/failure-policy.js';
import type { RetryPolicy } from './limits.js';

/** The two durations one backoff is made of. */
export type BackoffTiming = Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>;

/**
 * The identity backoff's defaults (`RetryPolicy.identityBaseDelayMs` / `identityMaxDelayMs`): waits of up to 2, 4, 8 …
 * 120 s after Cognito throttled, against 0.3 … 20 s for Firehose. Here rather than in `DEFAULT_RETRY_POLICY`, whose
 * module the page's first script loads: only the sending code needs them.
 */
export const DEFAULT_IDENTITY_BACKOFF: BackoffTiming = { baseDelayMs: 2_000, maxDelayMs: 120_000 };

/** The backoff a failure waits on: `policy`'s own, or for {@link Backoff.Identity} its identity durations. */
export function backoffTiming(policy: RetryPolicy, backoff: Backoff): BackoffTiming {
  if (backoff === Backoff.Delivery) return policy;
  return {
    baseDelayMs: policy.identityBaseDelayMs ?? DEFAULT_IDENTITY_BACKOFF.baseDelayMs,
    maxDelayMs: policy.identityMaxDelayMs ?? DEFAULT_IDENTITY_BACKOFF.maxDelayMs,
  };
}

/**
 * The wait before retry number `attempt` (1 = first retry): uniform in `[0, min(maxDelayMs, baseDelayMs * 2^(attempt-1))]`.
 * @param random a source in [0, 1), injected so tests are deterministic
 */
export function nextDelayMs(attempt: number, policy: BackoffTiming, random: () => number): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
