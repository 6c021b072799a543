import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyFailure, classifyRecordError } from './classify.js';
import { DEFAULT_RETRY_POLICY } from './limits.js';
import { afterFailure, attempted, FRESH, isDue, nextWakeAt } from './retry-state.js';

const now = 1_000_000;

describe('retry state', () => {
  it('backs off within the policy and becomes due again', () => {
    const state = attempted(FRESH, now);
    const { state: next, delayMs } = afterFailure(
      state,
      classifyRecordError('InternalFailure'),
      now,
      DEFAULT_RETRY_POLICY,
      () => 0.5,
    );
    assert.equal(delayMs, 150);
    assert.equal(isDue(next, now + 149), false);
    assert.equal(isDue(next, now + 150), true);
    assert.equal(isDue(next, now, true), true);
  });

  it('retries clock skew and expired credentials at once the first time', () => {
    const state = attempted(FRESH, now);
    const skew = classifyFailure(
      Object.assign(
        new Error(
          'Signature expired: 20270214T004500Z is now earlier than 20270214T005500Z (20270214T010000Z - 5 min.)',
        ),
        { name: 'InvalidSignatureException' },
      ),
    );
    assert.equal(afterFailure(state, skew, now, DEFAULT_RETRY_POLICY, () => 0.9).delayMs, 0);
    const second = attempted(attempted(FRESH, now), now);
    assert.ok(afterFailure(second, skew, now, DEFAULT_RETRY_POLICY, () => 0.9).delayMs > 0);
  });

  it('counts a failover for throttling only', () => {
    const state = attempted(FRESH, now);
    assert.equal(
      afterFailure(state, classifyRecordError('ServiceUnavailableException'), now, DEFAULT_RETRY_POLICY, () => 0).state
        .failovers,
      1,
    );
    assert.equal(
      afterFailure(state, classifyRecordError('InternalFailure'), now, DEFAULT_RETRY_POLICY, () => 0).state.failovers,
      0,
    );
  });

  it('waits for an operator fix after a non-retryable error', () => {
    const denied = classifyFailure(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    assert.equal(
      afterFailure(attempted(FRESH, now), denied, now, DEFAULT_RETRY_POLICY, () => 0).delayMs,
      DEFAULT_RETRY_POLICY.operatorFixDelayMs,
    );
  });

  it('parks an entry after the deadline; only a forced flush sends it', () => {
    const state = attempted(FRESH, now);
    const later = now + DEFAULT_RETRY_POLICY.deadlineMs;
    const { state: parked, delayMs } = afterFailure(
      state,
      classifyRecordError('InternalFailure'),
      later,
      DEFAULT_RETRY_POLICY,
      () => 0,
    );
    assert.equal(parked.parked, true);
    assert.equal(delayMs, Number.POSITIVE_INFINITY);
    assert.equal(isDue(parked, later + 10 ** 9), false);
    assert.equal(isDue(parked, later, true), true);
    assert.equal(nextWakeAt([parked]), undefined);
    assert.equal(nextWakeAt([parked, { ...FRESH, notBefore: 5 }, { ...FRESH, notBefore: 3 }]), 3);
  });

  it("waits on Cognito's longer backoff when Cognito throttled, on Firehose's when Firehose did", () => {
    const state = attempted(FRESH, now);
    const cognito = classifyFailure(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }));
    const firehose = classifyRecordError('ServiceUnavailableException');
    const wait = (failure: typeof cognito, setbacks: number) =>
      afterFailure({ ...state, setbacks }, failure, now, DEFAULT_RETRY_POLICY, () => 0.5).delayMs;
    assert.deepEqual([wait(firehose, 0), wait(firehose, 2), wait(firehose, 10)], [150, 600, 10_000]);
    assert.deepEqual([wait(cognito, 0), wait(cognito, 2), wait(cognito, 10)], [1_000, 4_000, 60_000]);
    // Both throttled: the same failover and pool decisions.
    assert.equal(cognito.policy, firehose.policy);
    const tuned = { ...DEFAULT_RETRY_POLICY, identityBaseDelayMs: 4_000, identityMaxDelayMs: 10_000 };
    assert.equal(afterFailure(state, cognito, now, tuned, () => 0.5).delayMs, 2_000);
    assert.equal(afterFailure({ ...state, setbacks: 9 }, cognito, now, tuned, () => 0.5).delayMs, 5_000);
  });
});
