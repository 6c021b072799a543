import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { storageKey } from '../core/storage-keys.js';
import { clearUnsent, readUnsent } from './unsent-form-handover.js';
import { saveUnsent, type UnsentForm } from './unsent-form-stash.js';

const form: UnsentForm = {
  entryId: '00000000-0000-4000-8000-000000000001',
  input: { fields: { name: 'Ada', email: 'ada@example.com' }, consent: { rules: true } },
  fillMs: 4200,
  suspect: false,
  locale: 'en',
};

/** A Map-backed Storage; `full` makes every write throw, as a private-mode or full localStorage does. */
function memoryStorage(full = false): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem(key, value) {
      if (full) throw new DOMException('quota', 'QuotaExceededError');
      items.set(key, String(value));
    },
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

const global = globalThis as { localStorage?: Storage };
beforeEach(() => {
  global.localStorage = memoryStorage();
});
afterEach(() => {
  delete global.localStorage;
});

describe('unsent-form stash', () => {
  it('keeps a form per campaign until it is cleared', () => {
    assert.equal(saveUnsent('sb', form), true);
    assert.deepEqual(readUnsent('sb'), form);
    assert.equal(readUnsent('other'), undefined);
    clearUnsent('sb');
    assert.equal(readUnsent('sb'), undefined);
  });

  it('stores under the storage-keys name', () => {
    saveUnsent('sb', form);
    assert.deepEqual(JSON.parse(global.localStorage?.getItem(storageKey('sb', 'unsent-form')) ?? 'null'), form);
  });

  it('says false when localStorage cannot be written', () => {
    global.localStorage = memoryStorage(true);
    assert.equal(saveUnsent('sb', form), false);
    assert.equal(readUnsent('sb'), undefined);
  });

  it('reads anything unreadable as nothing kept, and never throws without localStorage', () => {
    global.localStorage?.setItem(storageKey('sb', 'unsent-form'), '{not json');
    assert.equal(readUnsent('sb'), undefined);
    global.localStorage?.setItem(storageKey('sb', 'unsent-form'), JSON.stringify({ entryId: 7 }));
    assert.equal(readUnsent('sb'), undefined);
    delete global.localStorage;
    assert.equal(saveUnsent('sb', form), false);
    assert.equal(readUnsent('sb'), undefined);
    assert.doesNotThrow(() => clearUnsent('sb'));
  });
});
