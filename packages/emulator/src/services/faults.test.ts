import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFaultDice } from './faults.js';

const rolls = (seed: number, rate: number, count = 200) => {
  const dice = createFaultDice(seed);
  return Array.from({ length: count }, () => dice.roll(rate));
};

describe('fault dice', () => {
  it('gives the same faults for the same seed, and others for another seed', () => {
    assert.deepEqual(rolls(42, 0.3), rolls(42, 0.3));
    assert.notDeepEqual(rolls(42, 0.3), rolls(43, 0.3));
  });

  it('fails about the requested share', () => {
    const failures = rolls(1, 0.25, 10_000).filter(Boolean).length;
    assert.ok(failures > 2300 && failures < 2700, `${failures} of 10000`);
  });

  it('never fails at rate 0 and always fails at rate 1, without shifting the sequence', () => {
    const dice = createFaultDice(9);
    const reference = createFaultDice(9);
    assert.equal(dice.roll(0), false);
    assert.equal(dice.roll(1), true);
    assert.equal(dice.roll(0.5), reference.roll(0.5));
  });
});
