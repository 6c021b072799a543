import { byAge, type EntryStore, type KeyValueStore, type StoredEntry } from './entry-store.js';

/** An {@link EntryStore} in memory: the last resort in browsers, and the twin for tests and Node. */
export function createMemoryStore(): EntryStore {
  const entries = new Map<string, StoredEntry>();
  let sender: string | undefined;
  return {
    kind: 'memory',
    // Only this page sees this store.
    async claimSender(holder) {
      const same = sender === holder;
      sender = holder;
      return same;
    },
    async put(entry) {
      entries.set(entry.entryId, entry);
    },
    async list() {
      return [...entries.values()].sort(byAge);
    },
    async count() {
      return entries.size;
    },
    async delete(entryIds) {
      for (const id of entryIds) entries.delete(id);
    },
  };
}

/** A {@link KeyValueStore} in memory. */
export function createMemoryKeyValueStore(): KeyValueStore {
  const items = new Map<string, string>();
  return {
    async getItem(key) {
      return items.get(key) ?? null;
    },
    async setItem(key, value) {
      items.set(key, value);
    },
    async removeItem(key) {
      items.delete(key);
    },
  };
}
