import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createQuotaCounter } from './quotas.js';

describe('quota counter', () => {
  const limits = { requests: 2, records: 10 };

  it('allows calls up to the limit within one second and refuses the next', () => {
    const counter = createQuotaCounter<'requests' | 'records'>();
    assert.equal(counter.tryConsume('entries-0', 1000, { requests: 1, records: 1 }, limits), true);
    assert.equal(counter.tryConsume('entries-0', 1999, { requests: 1, records: 1 }, limits), true);
    assert.equal(counter.tryConsume('entries-0', 1999, { requests: 1, records: 1 }, limits), false);
  });

  it('starts afresh in the next second, and counts each key apart', () => {
    const counter = createQuotaCounter<'requests' | 'records'>();
    counter.tryConsume('entries-0', 1000, { requests: 2, records: 0 }, limits);
    assert.equal(counter.tryConsume('entries-1', 1000, { requests: 1, records: 0 }, limits), true);
    assert.equal(counter.tryConsume('entries-0', 2000, { requests: 1, records: 0 }, limits), true);
  });

  it('counts a late call stamped in the previous second in the current one, never restarting an old second', () => {
    const counter = createQuotaCounter<'requests' | 'records'>();
    assert.equal(counter.tryConsume('s', 1999, { requests: 2, records: 0 }, limits), true);
    assert.equal(counter.tryConsume('s', 2000, { requests: 2, records: 0 }, limits), true);
    assert.equal(counter.tryConsume('s', 1999, { requests: 1, records: 0 }, limits), false);
    assert.equal(counter.tryConsume('s', 2001, { requests: 1, records: 0 }, limits), false);
    assert.equal(counter.tryConsume('s', 3000, { requests: 1, records: 0 }, limits), true);
  });

  it('consumes nothing for a refused call', () => {
    const counter = createQuotaCounter<'requests' | 'records'>();
    assert.equal(counter.tryConsume('s', 0, { requests: 1, records: 11 }, limits), false);
    assert.equal(counter.tryConsume('s', 0, { requests: 1, records: 10 }, limits), true);
  });

  it('never refuses under an Infinity (lifted) limit', () => {
    const counter = createQuotaCounter<'requests'>();
    for (let call = 0; call < 10_000; call += 1) {
      assert.equal(counter.tryConsume('s', 0, { requests: 1 }, { requests: Number.POSITIVE_INFINITY }), true);
    }
  });
});
