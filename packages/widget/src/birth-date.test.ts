import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { datePartOrder, toIsoDate } from './birth-date.js';

describe('date of birth boxes', () => {
  it('are ordered month-day-year or day-month-year', () => {
    assert.deepEqual(datePartOrder('mdy'), ['month', 'day', 'year']);
    assert.deepEqual(datePartOrder('dmy'), ['day', 'month', 'year']);
  });

  it('join into the ISO date the SDK validates, padding one-digit days and months', () => {
    assert.equal(toIsoDate({ day: '9', month: '12', year: '1906' }), '1906-12-09');
    assert.equal(toIsoDate({ day: ' 31 ', month: '1', year: '1990' }), '1990-01-31');
  });

  it('stay empty when untouched and malformed when incomplete', () => {
    assert.equal(toIsoDate({ day: '', month: ' ', year: '' }), '');
    assert.equal(toIsoDate({ day: '1', month: '', year: '1990' }), '1990--01');
  });
});
