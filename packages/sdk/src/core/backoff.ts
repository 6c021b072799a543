// Retry timing: exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"), so a
// stadium of phones that were throttled together do not come back together.
import type { RetryPolicy } from './limits.js';

/**
 * The wait before retry number `attempt` (1 = first retry): uniform in `[0, min(maxDelayMs, baseDelayMs * 2^(attempt-1))]`.
 * @param random a source in [0, 1), injected so tests are deterministic
 */
export function nextDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
