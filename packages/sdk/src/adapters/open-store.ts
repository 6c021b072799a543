import type { EntryStore, KeyValueStore } from './entry-store.js';
import { createFallbackStore, type FallbackStore } from './fallback-store.js';
import { openIndexedDbKeyValueStore, openIndexedDbStore } from './indexeddb-store.js';
import { openLocalStorageKeyValueStore, openLocalStorageStore } from './local-storage-store.js';
import { createMemoryKeyValueStore, createMemoryStore } from './memory-store.js';

/** Which storage to use: `auto` tries IndexedDB, then localStorage, then memory; or pass your own {@link EntryStore}. */
export type StoragePreference = 'auto' | 'indexeddb' | 'localstorage' | 'memory' | EntryStore;

/** The stores a client works with. */
export interface OpenedStores {
  readonly entries: FallbackStore;
  readonly identity: KeyValueStore;
}

async function attempt<T>(open: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await open();
  } catch {
    return undefined;
  }
}

/**
 * Opens the entry store chain for `preference`. Memory is always last in the chain, so a write never has nowhere to go;
 * the chain's `kind` tells which backend holds the newest entry.
 */
export async function openStores(preference: StoragePreference, campaignId: string): Promise<OpenedStores> {
  const memory = createMemoryStore();
  if (typeof preference === 'object') {
    return { entries: createFallbackStore([preference, memory]), identity: createMemoryKeyValueStore() };
  }
  const chain: EntryStore[] = [];
  let identity: KeyValueStore | undefined;
  if (preference === 'auto' || preference === 'indexeddb') {
    const store = await attempt(() => openIndexedDbStore(campaignId));
    if (store) {
      chain.push(store);
      identity = openIndexedDbKeyValueStore();
    }
  }
  if (preference === 'auto' || preference === 'localstorage') {
    const store = await attempt(() => openLocalStorageStore(campaignId));
    if (store) {
      chain.push(store);
      identity ??= await attempt(() => openLocalStorageKeyValueStore());
    }
  }
  const [first = memory, ...rest] = [...chain, memory];
  return { entries: createFallbackStore([first, ...rest]), identity: identity ?? createMemoryKeyValueStore() };
}
