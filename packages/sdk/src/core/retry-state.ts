// Per-entry retry bookkeeping: pure functions from (state, outcome, now) to the next state.
import { backoffTiming, nextDelayMs } from './backoff.js';
import type { Failure } from './classify.js';
import type { RetryPolicy } from './limits.js';

/** Where one stored entry stands in this page visit. */
export interface RetryState {
  /** Attempts made in this page visit. */
  readonly attempts: number;
  /**
   * Failures in a row in calls that acknowledged nothing: what the backoff grows with. A record refused inside a call
   * that acknowledged others does not count: that stream is taking records.
   */
  readonly setbacks: number;
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
export const FRESH: RetryState = {
  attempts: 0,
  setbacks: 0,
  failovers: 0,
  notBefore: 0,
  firstAttemptAt: undefined,
  parked: false,
};

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
 * The state after a failed attempt: when to try again, on which stream, or park it. Reads the failure's policy row:
 * - `retryAtOnce` (the repair is applied before the next call): retry at once, once; then back off.
 * - `retryable`: full-jitter backoff, on the failure's backoff (Cognito's throttling waits longer than Firehose's).
 * - not retryable (an operator must act): wait `operatorFixDelayMs`.
 * - `failover`: count it, so the entry moves to the next stream.
 * - `partial` (the record was refused inside a call that acknowledged others): the stream is taking records, so the
 *   wait does not grow (backoff grows with `setbacks`, failures where nothing got through).
 * Past `deadlineMs` since the first attempt of this visit, the entry is parked (still stored).
 */
export function afterFailure(
  state: RetryState,
  failure: Failure,
  now: number,
  timing: RetryPolicy,
  random: () => number,
  partial = false,
): RetryDecision {
  const { policy } = failure;
  const failovers = state.failovers + (policy.failover ? 1 : 0);
  const setbacks = partial ? state.setbacks : state.setbacks + 1;
  const first = state.firstAttemptAt ?? now;
  if (now - first >= timing.deadlineMs) {
    const parked = { ...state, setbacks, failovers, firstAttemptAt: first, parked: true };
    return { state: parked, delayMs: Number.POSITIVE_INFINITY };
  }
  let delayMs: number;
  if (!policy.retryable) delayMs = timing.operatorFixDelayMs;
  else if (policy.retryAtOnce && state.attempts <= 1) delayMs = 0;
  else delayMs = nextDelayMs(Math.max(1, setbacks), backoffTiming(timing, failure.backoff), random);
  const next = { ...state, setbacks, failovers, firstAttemptAt: first, notBefore: now + delayMs, parked: false };
  return { state: next, delayMs };
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
