import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { choosePool, nextPool, poolRegion } from './identity-pools.js';

const POOLS = [
  'us-east-1:00000000-0000-4000-8000-000000000001',
  'us-east-2:00000000-0000-4000-8000-000000000002',
  'us-west-2:00000000-0000-4000-8000-000000000003',
] as const;

describe('identity pools', () => {
  it('reads a pool region from the prefix of its id', () => {
    assert.deepEqual(POOLS.map(poolRegion), ['us-east-1', 'us-east-2', 'us-west-2']);
  });

  it('keeps the pool a device stored while the page still lists it', () => {
    for (const seed of ['a', 'b', 'c', 'd']) assert.equal(choosePool(POOLS, POOLS[2], seed), POOLS[2]);
  });

  it('chooses by hash of the seed when nothing usable is stored, the same pool for the same seed', () => {
    const gone = 'eu-west-1:00000000-0000-4000-8000-000000000009';
    assert.equal(choosePool(POOLS, gone, 'seed-1'), choosePool(POOLS, undefined, 'seed-1'));
    assert.ok(POOLS.includes(choosePool(POOLS, undefined, 'seed-1') as (typeof POOLS)[number]));
  });

  it('spreads new devices about evenly over the pools', () => {
    const counts = new Map<string, number>();
    for (let device = 0; device < 3000; device++) {
      const pool = choosePool(POOLS, undefined, `device-${device}-${(device * 2654435761) >>> 0}`);
      counts.set(pool, (counts.get(pool) ?? 0) + 1);
    }
    assert.equal(counts.size, 3);
    for (const count of counts.values()) assert.ok(count > 800 && count < 1200, String(count));
  });

  it('moves to the next pool in the list, wrapping around, and stays on a single pool', () => {
    assert.equal(nextPool(POOLS, POOLS[0]), POOLS[1]);
    assert.equal(nextPool(POOLS, POOLS[2]), POOLS[0]);
    assert.equal(nextPool([POOLS[0]], POOLS[0]), POOLS[0]);
  });

  it('refuses an empty list', () => {
    assert.throws(() => choosePool([], undefined, 'x'), RangeError);
  });
});
