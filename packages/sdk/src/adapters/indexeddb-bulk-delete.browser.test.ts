// Deleting a backlog from IndexedDB by key ranges, in the browser's own IndexedDB: fewer requests, and never an entry
// it was not asked to delete.
import { expect } from '@open-wc/testing';
import { createStore, keys, set } from 'idb-keyval';
import { storageKey } from '../core/storage-keys.js';
import type { EntryStore, StoredEntry } from './entry-store.js';
import { openIndexedDbStore } from './indexeddb-store.js';

let opened = 0;

/**
 * A ready IndexedDB store of a campaign of its own, listed (as the delivery loop does when it starts), then holding
 * `count` entries stored through it.
 */
async function storeWith(count: number): Promise<{ store: EntryStore; campaignId: string; ids: string[] }> {
  const campaignId = `bulk-${Date.now()}-${++opened}`;
  const opening = await openIndexedDbStore(campaignId);
  if (opening.status !== 'ready') throw new Error(`IndexedDB is ${opening.status}`);
  await opening.store.list();
  const ids = Array.from(
    { length: count },
    (_, index) => `00000000-0000-4000-8000-${String(index * 2).padStart(12, '0')}`,
  );
  for (const [index, entryId] of ids.entries()) {
    await opening.store.put({ entryId, line: '{}\n', bytes: 3, storedAt: index });
  }
  return { store: opening.store, campaignId, ids };
}

/** What the campaign's database holds, read past the store. */
function storedKeys(campaignId: string): Promise<IDBValidKey[]> {
  return keys(createStore(storageKey(campaignId), 'entries'));
}

/** Counts delete requests made while `run` runs. */
async function countingDeletes(run: () => Promise<void>): Promise<number> {
  const original = IDBObjectStore.prototype.delete;
  let requests = 0;
  IDBObjectStore.prototype.delete = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
    requests++;
    return original.call(this, query);
  };
  try {
    await run();
  } finally {
    IDBObjectStore.prototype.delete = original;
  }
  return requests;
}

describe('IndexedDB store: deleting a backlog', () => {
  it('deletes hundreds of neighbouring entries in a few key-range requests', async () => {
    const { store, campaignId, ids } = await storeWith(300);
    const requests = await countingDeletes(() => store.delete(ids.slice(0, 250)));
    expect(requests).to.be.below(5);
    expect(await storedKeys(campaignId)).to.deep.equal(ids.slice(250));
  });

  it('keeps an entry another tab stored among them, unknown to this page', async () => {
    const { store, campaignId, ids } = await storeWith(200);
    // Between the 100th and 101st key: inside the range the deletion would otherwise cover.
    const theirs = `00000000-0000-4000-8000-${String(199).padStart(12, '0')}`;
    const entry: StoredEntry = { entryId: theirs, line: '{}\n', bytes: 3, storedAt: 1 };
    await set(theirs, entry, createStore(storageKey(campaignId), 'entries'));
    await store.delete(ids);
    expect(await storedKeys(campaignId)).to.deep.equal([theirs]);
  });

  it('deletes key by key once another tab has been the sender (what this page knew may be gone)', async () => {
    const { store, campaignId, ids } = await storeWith(150);
    expect(await store.claimSender?.('this-page')).to.equal(false);
    const requests = await countingDeletes(() => store.delete(ids));
    expect(requests).to.equal(150);
    expect(await storedKeys(campaignId)).to.deep.equal([]);
  });

  it('merges deletions asked for while one is in progress, and answers each once its entries are gone', async () => {
    const { store, campaignId, ids } = await storeWith(400);
    const first = store.delete(ids.slice(0, 200));
    const second = store.delete(ids.slice(200, 300));
    const third = store.delete(ids.slice(300));
    await Promise.all([first, second, third]);
    expect(await storedKeys(campaignId)).to.deep.equal([]);
  });
});
