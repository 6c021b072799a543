import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeResults, parseOnly, SECTIONS } from './sections.js';

const keys = { sizes: ['sizes', 'budget'], page: ['page'], drain: ['drain'], burst: ['burst'] } as const;

describe('bench sections', () => {
  it('measures every section unless --only names some, and refuses names it does not know', () => {
    assert.deepEqual(parseOnly(undefined), SECTIONS);
    assert.deepEqual(parseOnly('burst, drain'), ['drain', 'burst']);
    assert.throws(() => parseOnly('burts'), /sizes, page, drain, burst/u);
    assert.throws(() => parseOnly(''), /--only/u);
  });

  it('keeps the sections it did not measure, with the date they were measured', () => {
    const previous = {
      machine: { date: '2026-11-26' },
      sizes: 1,
      budget: 1,
      page: 1,
      drain: 1,
      burst: 1,
      measuredAt: { drain: '2026-11-20' },
    };
    const fresh = { machine: { date: '2026-11-30' }, sizes: 2, budget: 2, page: 2, drain: 2, burst: 2 };
    const merged = mergeResults<typeof previous>(fresh, previous, ['burst'], keys);
    assert.deepEqual(
      [merged.sizes, merged.budget, merged.page, merged.drain, merged.burst, merged.machine.date],
      [1, 1, 1, 1, 2, '2026-11-30'],
    );
    assert.deepEqual(merged.measuredAt, {
      sizes: '2026-11-26',
      page: '2026-11-26',
      drain: '2026-11-20',
      burst: '2026-11-30',
    });
    assert.deepEqual(mergeResults<typeof previous>(fresh, undefined, ['burst'], keys).measuredAt.sizes, '2026-11-30');
  });
});
