import { createStore, del, delMany, get, promisifyRequest, set, values } from 'idb-keyval';
import { byAge, type EntryStore, isStoredEntry, type KeyValueStore } from './entry-store.js';

/** IndexedDB database names carry the storage format version, so a future format can migrate instead of misreading. */
export const IDB_PREFIX = 'campaign-entry:v1';

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

/**
 * Opens the IndexedDB {@link EntryStore} for a campaign, after proving it can write (Safari private mode and full
 * disks fail here, so the caller can fall back). Database `campaign-entry:v1:<campaignId>`, object store `entries`.
 */
export async function openIndexedDbStore(campaignId: string, probeTimeoutMs = 2000): Promise<EntryStore> {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
  const store = createStore(`${IDB_PREFIX}:${campaignId}`, 'entries');
  await within(
    set('__probe__', 1, store).then(() => del('__probe__', store)),
    probeTimeoutMs,
    'IndexedDB',
  );
  return {
    kind: 'indexeddb',
    put: (entry) => set(entry.entryId, entry, store),
    async list() {
      return (await values(store)).filter(isStoredEntry).sort(byAge);
    },
    count: () => store('readonly', (objects) => promisifyRequest(objects.count())),
    delete: (entryIds) => delMany([...entryIds], store),
  };
}

/** An IndexedDB {@link KeyValueStore} (database `campaign-entry:v1:identity`), for the Cognito identity id. */
export function openIndexedDbKeyValueStore(): KeyValueStore {
  const store = createStore(`${IDB_PREFIX}:identity`, 'ids');
  return {
    getItem: async (key) => (await get<string>(key, store)) ?? null,
    setItem: (key, value) => set(key, value, store),
    removeItem: (key) => del(key, store),
  };
}
