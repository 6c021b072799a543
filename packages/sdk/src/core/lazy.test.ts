import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lazy } from './lazy.js';

describe('lazy', () => {
  it('loads once for every caller', async () => {
    let loads = 0;
    const load = lazy(async () => ++loads);
    assert.deepEqual(await Promise.all([load(), load()]), [1, 1]);
    assert.equal(await load(), 1);
    assert.equal(loads, 1);
  });

  it('loads again after a failed load', async () => {
    let loads = 0;
    const load = lazy(async () => {
      loads++;
      if (loads === 1) throw new Error('offline');
      return 'module';
    });
    await assert.rejects(load(), /offline/u);
    assert.equal(await load(), 'module');
    assert.equal(await load(), 'module');
    assert.equal(loads, 2);
  });
});
