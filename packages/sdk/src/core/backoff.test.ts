import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextDelayMs } from './backoff.js';
import { DEFAULT_RETRY_POLICY } from './limits.js';

describe('nextDelayMs', () => {
  it('spreads retries over [0, base·2^(n-1)] with full jitter', () => {
    assert.equal(
      nextDelayMs(1, DEFAULT_RETRY_POLICY, () => 0),
      0,
    );
    assert.equal(
      nextDelayMs(1, DEFAULT_RETRY_POLICY, () => 0.999999),
      299,
    );
    assert.equal(
      nextDelayMs(3, DEFAULT_RETRY_POLICY, () => 0.5),
      600,
    );
  });

  it('never waits longer than the cap', () => {
    for (let attempt = 1; attempt < 100; attempt++) {
      assert.ok(nextDelayMs(attempt, DEFAULT_RETRY_POLICY, () => 0.999999) < DEFAULT_RETRY_POLICY.maxDelayMs);
    }
  });
});
