import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { msUntilChange, parseWindow, windowState } from './entry-window.js';

const opensAt = Date.parse('2027-02-14T23:00:00Z');
const closesAt = Date.parse('2027-02-14T23:30:00Z');
const bounds = { opensAt, closesAt };

describe('entry bounds', () => {
  it('is not open before opens-at, open from it, and closed from closes-at', () => {
    assert.equal(windowState(bounds, opensAt - 1), 'not-open');
    assert.equal(windowState(bounds, opensAt), 'open');
    assert.equal(windowState(bounds, closesAt - 1), 'open');
    assert.equal(windowState(bounds, closesAt), 'closed');
    assert.equal(windowState({ opensAt: undefined, closesAt: undefined }, 0), 'open');
  });

  it('tells how long until the next change, and nothing once closed', () => {
    assert.equal(msUntilChange(bounds, opensAt - 500), 500);
    assert.equal(msUntilChange(bounds, opensAt), closesAt - opensAt);
    assert.equal(msUntilChange(bounds, closesAt), undefined);
  });

  it('reads ISO date-times with a time zone and names every problem', () => {
    assert.deepEqual(parseWindow('2027-02-14T18:00:00-05:00', '2027-02-14T23:30:00Z'), {
      window: bounds,
      problems: [],
    });
    assert.deepEqual(parseWindow(undefined, ' '), {
      window: { opensAt: undefined, closesAt: undefined },
      problems: [],
    });
    assert.deepEqual(parseWindow('2027-02-14T18:00', 'tomorrow').problems, ['opens-at', 'closes-at']);
    assert.deepEqual(parseWindow('2027-02-14T23:30:00Z', '2027-02-14T23:00:00Z').problems, ['window']);
  });
});
