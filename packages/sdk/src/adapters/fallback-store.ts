import type { EntryStore, StorageKind, StoredEntry } from './entry-store.js';
import { byAge } from './entry-store.js';

/** An {@link EntryStore} that also reports which backend took the latest write, and always reads by id. */
export interface FallbackStore extends EntryStore {
  /** The backend that took the latest `put` (or the first one, before any put). */
  readonly kind: StorageKind;
  get(entryIds: readonly string[]): Promise<StoredEntry[]>;
  claimSender(holder: string): Promise<boolean>;
}

/** `store.get`, or for a store without it the matching part of `list()`. */
async function read(store: EntryStore, entryIds: readonly string[]): Promise<StoredEntry[]> {
  if (store.get) return store.get(entryIds);
  const wanted = new Set(entryIds);
  return (await store.list()).filter((entry) => wanted.has(entry.entryId));
}

/**
 * Chains stores, best first: a `put` that the first store refuses (quota exceeded, storage evicted, private mode) goes
 * to the next one, so an entry is always kept somewhere. `list` and `get` merge all, `delete` applies to all.
 * `claims` is the store whose {@link EntryStore.claimSender} speaks for the whole chain (every tab's lock holder
 * claims through it before deleting from any store); without one, every claim answers `false`.
 */
export function createFallbackStore(
  stores: readonly [EntryStore, ...EntryStore[]],
  claims?: EntryStore,
): FallbackStore {
  let current = 0;
  return {
    get kind() {
      return stores[current]?.kind ?? 'memory';
    },
    async put(entry: StoredEntry) {
      let lastError: unknown;
      for (let index = current; index < stores.length; index++) {
        try {
          await (stores[index] as EntryStore).put(entry);
          current = index;
          return;
        } catch (error) {
          lastError = error;
        }
      }
      throw lastError;
    },
    async list() {
      const seen = new Map<string, StoredEntry>();
      for (const store of stores) {
        try {
          for (const entry of await store.list()) if (!seen.has(entry.entryId)) seen.set(entry.entryId, entry);
        } catch {
          // A store that cannot be read now holds nothing we can send now; its entries are read on the next round.
        }
      }
      return [...seen.values()].sort(byAge);
    },
    async get(entryIds) {
      const found = new Map<string, StoredEntry>();
      for (const store of stores) {
        if (found.size === entryIds.length) break;
        const missing = found.size === 0 ? entryIds : entryIds.filter((id) => !found.has(id));
        try {
          for (const entry of await read(store, missing)) found.set(entry.entryId, entry);
        } catch {
          // As for list: unreadable now, read again on the next round.
        }
      }
      return entryIds.flatMap((id) => found.get(id) ?? []);
    },
    async claimSender(holder) {
      try {
        return (await claims?.claimSender?.(holder)) ?? false;
      } catch {
        return false;
      }
    },
    async count() {
      // Entries live in one backend each (a put goes to the first that takes it), so counts add up.
      const counts = await Promise.all(stores.map((store) => store.count().catch(() => 0)));
      return counts.reduce((sum, count) => sum + count, 0);
    },
    async delete(entryIds) {
      await Promise.allSettled(stores.map((store) => store.delete(entryIds)));
    },
  };
}
