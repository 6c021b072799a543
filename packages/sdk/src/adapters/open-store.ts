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
    return { entries: createFallbackStore([preference, memory], preference), identity: createMemoryKeyValueStore() };
  }
  const chain: EntryStore[] = [];
  let identity: KeyValueStore | undefined;
  // A slow IndexedDB takes no new entries, but what it already holds is still read, sent and deleted (last in the
  // chain, so a put never waits on it).
  let slowReader: EntryStore | undefined;
  // Who last sent is recorded in IndexedDB, which every tab sees at once; with memory alone, this page is all there is.
  let claims: EntryStore | undefined = preference === 'memory' ? memory : undefined;
  if (preference === 'auto' || preference === 'indexeddb') {
    const opening = await attempt(() => openIndexedDbStore(campaignId));
    if (opening?.status === 'ready') {
      chain.push(opening.store);
      claims = opening.store;
      identity = openIndexedDbKeyValueStore();
    } else if (opening?.status === 'slow') {
      slowReader = opening.reader;
    }
  }
  if (preference === 'auto' || preference === 'localstorage') {
    const store = await attempt(() => openLocalStorageStore(campaignId));
    if (store) {
      chain.push(store);
      identity ??= await attempt(() => openLocalStorageKeyValueStore());
    }
  }
  const [first = memory, ...rest] = [...chain, memory, ...(slowReader ? [slowReader] : [])];
  return { entries: createFallbackStore([first, ...rest], claims), identity: identity ?? createMemoryKeyValueStore() };
}
