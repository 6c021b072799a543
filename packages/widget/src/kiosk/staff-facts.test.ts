import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nearlyFull, STORAGE_WARNING_SHARE, type StaffFacts } from './staff-facts.js';

/** A tablet with room to spare: nothing waiting, a tenth of the quota used. */
const roomy: StaffFacts = {
  pending: 0,
  maxStoredEntries: 20_000,
  lastDeliveryAt: undefined,
  usedBytes: 100_000_000,
  quotaBytes: 1_000_000_000,
};

describe('the staff storage warning', () => {
  it('warns from 80 % of the stored-entry bound, not one entry before', () => {
    assert.equal(STORAGE_WARNING_SHARE, 0.8);
    assert.equal(nearlyFull(roomy), false);
    assert.equal(nearlyFull({ ...roomy, pending: 15_999 }), false);
    assert.equal(nearlyFull({ ...roomy, pending: 16_000 }), true);
    assert.equal(nearlyFull({ ...roomy, pending: 20_000 }), true);
    assert.equal(nearlyFull({ ...roomy, maxStoredEntries: 5, pending: 3 }), false);
    assert.equal(nearlyFull({ ...roomy, maxStoredEntries: 5, pending: 4 }), true);
  });

  it('warns from 80 % of the storage quota used, not one byte before', () => {
    assert.equal(nearlyFull({ ...roomy, usedBytes: 799_999_999 }), false);
    assert.equal(nearlyFull({ ...roomy, usedBytes: 800_000_000 }), true);
    assert.equal(nearlyFull({ ...roomy, usedBytes: 1_000_000_000 }), true);
  });

  it('does not warn about a quota the browser does not report, and still counts the entries then', () => {
    assert.equal(nearlyFull({ ...roomy, usedBytes: undefined }), false);
    assert.equal(nearlyFull({ ...roomy, quotaBytes: undefined }), false);
    assert.equal(nearlyFull({ ...roomy, usedBytes: 5, quotaBytes: 0 }), false);
    assert.equal(nearlyFull({ ...roomy, usedBytes: undefined, quotaBytes: undefined, pending: 16_000 }), true);
  });
});
