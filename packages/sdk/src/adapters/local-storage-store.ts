import { storageKey } from '../core/storage-keys.js';
import { byAge, type EntryStore, isStoredEntry, type KeyValueStore, type StoredEntry } from './entry-store.js';

function probe(storage: Storage): void {
  const key = storageKey('probe');
  storage.setItem(key, '1');
  storage.removeItem(key);
}

/**
 * Opens the localStorage {@link EntryStore} for a campaign: the fallback when IndexedDB is unusable. One key per entry,
 * so two tabs never overwrite each other's entries. Throws when localStorage cannot be written.
 */
export function openLocalStorageStore(campaignId: string, storage: Storage = globalThis.localStorage): EntryStore {
  if (!storage) throw new Error('localStorage is not available');
  probe(storage);
  const prefix = storageKey(campaignId, 'entry', '');
  return {
    kind: 'localstorage',
    async put(entry: StoredEntry) {
      storage.setItem(prefix + entry.entryId, JSON.stringify(entry));
    },
    async list() {
      const entries: StoredEntry[] = [];
      for (let index = 0; index < storage.length; index++) {
        const key = storage.key(index);
        if (!key?.startsWith(prefix)) continue;
        try {
          const value: unknown = JSON.parse(storage.getItem(key) ?? 'null');
          if (isStoredEntry(value)) entries.push(value);
        } catch {
          // Not ours to interpret; leave it untouched.
        }
      }
      return entries.sort(byAge);
    },
    async count() {
      let count = 0;
      for (let index = 0; index < storage.length; index++) if (storage.key(index)?.startsWith(prefix)) count++;
      return count;
    },
    async delete(entryIds) {
      for (const id of entryIds) storage.removeItem(prefix + id);
    },
  };
}

/** A localStorage {@link KeyValueStore} with versioned keys. */
export function openLocalStorageKeyValueStore(storage: Storage = globalThis.localStorage): KeyValueStore {
  probe(storage);
  const prefix = storageKey('identity', '');
  return {
    getItem: async (key) => storage.getItem(prefix + key),
    setItem: async (key, value) => storage.setItem(prefix + key, value),
    removeItem: async (key) => storage.removeItem(prefix + key),
  };
}
