import { createStore, del, delMany, get, getMany, promisifyRequest, set, values } from 'idb-keyval';
import { storageKey } from '../core/storage-keys.js';
import { byAge, type EntryStore, isStoredEntry, type KeyValueStore } from './entry-store.js';

/** Rejects if `promise` has not settled after `ms` (some private modes leave `indexedDB.open` hanging forever). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** How opening IndexedDB went: usable, too slow to trust for new entries (but maybe holding old ones), or absent. */
export type IndexedDbOpening =
  | { readonly status: 'ready'; readonly store: EntryStore }
  | { readonly status: 'slow'; readonly reader: EntryStore }
  | { readonly status: 'unavailable' };

/** How long one read or delete on a slow IndexedDB may take before it counts as failed, in ms. */
export const SLOW_CALL_TIMEOUT_MS = 2000;

/**
 * Opens the IndexedDB {@link EntryStore} for a campaign, after proving it can write (Safari private mode and full
 * disks fail here, so the caller can fall back). Database `storageKey(campaignId)`, object store `entries`.
 * When the probe does not answer in time the database may still hold entries another tab or an earlier visit
 * stored: the result then offers a `reader` that lists, counts and deletes them (each call bounded in time) and
 * refuses new ones, so they go to the next storage instead of waiting on a stuck database.
 */
export async function openIndexedDbStore(campaignId: string, probeTimeoutMs = 2000): Promise<IndexedDbOpening> {
  if (typeof indexedDB === 'undefined') return { status: 'unavailable' };
  const store = createStore(storageKey(campaignId), 'entries');
  // One read transaction for a whole batch.
  const read = async (entryIds: readonly string[]) =>
    (await getMany<unknown>([...entryIds], store)).filter(isStoredEntry);
  // Which page last held the send lock: a key in its own database, so it is never counted or listed as an entry.
  const senders = createStore(storageKey(campaignId, 'sender'), 'sender');
  // Keys this page listed or stored and has not deleted since: still in the database, as only the send-lock holder
  // deletes and it claims the store first (a claim lost to another tab forgets them). A large deletion uses them to
  // delete by key ranges (indexeddb-bulk-delete.ts, a chunk of its own: one phone's few entries go one by one).
  let known: Set<string> | undefined;
  const deleteEach = (entryIds: readonly string[]) => {
    for (const id of entryIds) known?.delete(id);
    return delMany([...entryIds], store);
  };
  const entries: EntryStore = {
    kind: 'indexeddb',
    put: (entry) => set(entry.entryId, entry, store).then(() => void known?.add(entry.entryId)),
    async list() {
      const found = (await values(store)).filter(isStoredEntry).sort(byAge);
      known = new Set(found.map((entry) => entry.entryId));
      return found;
    },
    count: () => store('readonly', (objects) => promisifyRequest(objects.count())),
    get: read,
    delete(entryIds) {
      const keys = known;
      return entryIds.length < 100 || !keys
        ? deleteEach(entryIds)
        : import('./indexeddb-bulk-delete.js').then(
            ({ deleteInBulk }) => deleteInBulk(store, entryIds, keys),
            () => deleteEach(entryIds),
          );
    },
    async claimSender(holder) {
      if ((await get<string>('sender', senders)) === holder) return true;
      known = undefined;
      await set('sender', holder, senders);
      return false;
    },
  };
  const probe = set('__probe__', 1, store).then(() => del('__probe__', store));
  const outcome = await new Promise<'done' | 'failed' | 'late'>((resolve) => {
    const timer = setTimeout(() => resolve('late'), probeTimeoutMs);
    probe.then(
      () => resolve('done'),
      () => resolve('failed'),
    );
    void probe.finally(() => clearTimeout(timer)).catch(() => {});
  });
  if (outcome === 'done') return { status: 'ready', store: entries };
  // A probe that failed outright (private mode, quota) means nothing is there; one that is only late may hide entries.
  if (outcome === 'failed') return { status: 'unavailable' };
  const bounded = <T>(call: () => Promise<T>) => within(call(), SLOW_CALL_TIMEOUT_MS, 'IndexedDB');
  return {
    status: 'slow',
    reader: {
      kind: 'indexeddb',
      put: () => Promise.reject(new Error('IndexedDB is too slow to take new entries on this visit')),
      list: () => bounded(() => entries.list()),
      count: () => bounded(() => entries.count()),
      get: (entryIds) => bounded(() => read(entryIds)),
      delete: (entryIds) => bounded(() => delMany([...entryIds], store)),
    },
  };
}

/** An IndexedDB {@link KeyValueStore} (database `storageKey('identity')`), for the Cognito identity id. */
export function openIndexedDbKeyValueStore(): KeyValueStore {
  const store = createStore(storageKey('identity'), 'ids');
  return {
    getItem: async (key) => (await get<string>(key, store)) ?? null,
    setItem: (key, value) => set(key, value, store),
    removeItem: (key) => del(key, store),
  };
}
