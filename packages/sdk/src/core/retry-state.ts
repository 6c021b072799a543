// Per-entry retry bookkeeping: pure functions from (state, outcome, now) to the next state.
import { nextDelayMs } from './backoff.js';
import type { Failure } from './classify.js';
import type { RetryPolicy } from './limits.js';

/** Where one stored entry stands in this page visit. */
export interface RetryState {
  /** Attempts made in this page visit. */
  readonly attempts: number;
  /** How many times a stream throttled it (shifts it to the next stream). */
  readonly failovers: number;
  /** Not to be sent before this time (ms since the epoch). */
  readonly notBefore: number;
  /** When this page visit first tried to send it. */
  readonly firstAttemptAt: number | undefined;
  /** True once `deadlineMs` has passed: left stored for the next visit, `online` event or explicit flush. */
  readonly parked: boolean;
}

/** The state of an entry nobody has tried to send yet. */
export const FRESH: RetryState = { attempts: 0, failovers: 0, notBefore: 0, firstAttemptAt: undefined, parked: false };

/** Whether the entry may be sent now (`force` ignores backoff and parking, as an explicit flush does). */
export function isDue(state: RetryState, now: number, force = false): boolean {
  return force || (!state.parked && state.notBefore <= now);
}

/** The state after an attempt started at `now`. */
export function attempted(state: RetryState, now: number): RetryState {
  return { ...state, attempts: state.attempts + 1, firstAttemptAt: state.firstAttemptAt ?? now };
}

/** The outcome of deciding what to do after a failed attempt. */
export interface RetryDecision {
  readonly state: RetryState;
  /** The wait chosen, in ms (0 for an immediate retry). */
  readonly delayMs: number;
}

/**
 * The state after a failed attempt: when to try again, on which stream, or park it.
 * - clock skew and expired credentials: retry at once (the fix is applied before the next call), once; then back off.
 * - retryable: full-jitter backoff.
 * - operator errors: wait `operatorFixDelayMs`.
 * Past `deadlineMs` since the first attempt of this visit, the entry is parked (still stored).
 */
export function afterFailure(
  state: RetryState,
  failure: Failure,
  now: number,
  policy: RetryPolicy,
  random: () => number,
): RetryDecision {
  const failovers = state.failovers + (failure.failover ? 1 : 0);
  const first = state.firstAttemptAt ?? now;
  if (now - first >= policy.deadlineMs) {
    return { state: { ...state, failovers, firstAttemptAt: first, parked: true }, delayMs: Number.POSITIVE_INFINITY };
  }
  let delayMs: number;
  if (!failure.retryable) delayMs = policy.operatorFixDelayMs;
  else if ((failure.code === 'clock-skew' || failure.code === 'credentials-expired') && state.attempts <= 1)
    delayMs = 0;
  else delayMs = nextDelayMs(state.attempts, policy, random);
  return { state: { ...state, failovers, firstAttemptAt: first, notBefore: now + delayMs, parked: false }, delayMs };
}

/** The earliest time any of `states` becomes due, or `undefined` when none will by itself. */
export function nextWakeAt(states: Iterable<RetryState>): number | undefined {
  let earliest: number | undefined;
  for (const state of states) {
    if (state.parked) continue;
    if (earliest === undefined || state.notBefore < earliest) earliest = state.notBefore;
  }
  return earliest;
}
