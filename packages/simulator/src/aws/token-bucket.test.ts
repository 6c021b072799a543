import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTokenBucket, takeAll } from './token-bucket.js';

describe('token bucket', () => {
  it('admits a second of quota at once, then refills at the rate', () => {
    const bucket = createTokenBucket(10, 1, 0);
    for (let call = 0; call < 10; call++) assert.equal(bucket.tryTake(0, 1), true);
    assert.equal(bucket.tryTake(0, 1), false);
    assert.equal(bucket.tryTake(99, 1), false);
    assert.equal(bucket.tryTake(100, 1), true);
  });

  it('still admits one call at a time when the quota is below one call per second', () => {
    const bucket = createTokenBucket(0.5, 1, 0);
    assert.equal(bucket.tryTake(0, 1), true);
    assert.equal(bucket.tryTake(1_000, 1), false);
    assert.equal(bucket.tryTake(2_000, 1), true);
  });

  it('refuses a call over any one measure whole, consuming nothing', () => {
    const requests = createTokenBucket(10, 1, 0);
    const records = createTokenBucket(5, 1, 0);
    assert.equal(
      takeAll(0, [
        [requests, 1],
        [records, 6],
      ]),
      false,
    );
    assert.equal(requests.available(0), 10);
  });
});
