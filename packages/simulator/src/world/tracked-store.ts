// The device's storage: the SDK's own memory store (standing in for IndexedDB, which outlives the page), watched so
// the simulator sees the moment the SDK removes an acknowledged entry and knows what is still held.
import type { EntryStore } from '@campaign-entry/sdk';
import { createMemoryStore } from '@campaign-entry/sdk/testing';

/** An {@link EntryStore} that reports removals and can count synchronously. */
export interface TrackedStore extends EntryStore {
  /** Entries held now. */
  readonly held: number;
}

/** Wraps a fresh memory store; `onRemoved` is called for each entry the SDK deletes. */
export function createTrackedStore(onRemoved: (entryId: string) => void): TrackedStore {
  const inner = createMemoryStore();
  const ids = new Set<string>();
  return {
    kind: inner.kind,
    get held() {
      return ids.size;
    },
    async put(entry) {
      ids.add(entry.entryId);
      await inner.put(entry);
    },
    list: () => inner.list(),
    count: () => inner.count(),
    // As IndexedDB does: a sender that claimed the store last, and finds the count it expects, skips re-reading it.
    ...(inner.claimSender ? { claimSender: inner.claimSender } : {}),
    async delete(entryIds) {
      await inner.delete(entryIds);
      for (const id of entryIds) if (ids.delete(id)) onRemoved(id);
    },
  };
}
