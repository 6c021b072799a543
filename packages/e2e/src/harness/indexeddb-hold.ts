// Makes IndexedDB slow for the next page that opens a campaign's database, the way a busy phone (or an upgrade waiting
// on another tab) does: a version change is requested while a tab holds the database open, and every open behind it
// waits until that tab closes. The SDK's 2 s probe then gives up and that page keeps entries in localStorage.
import { storageKey } from '@campaign-entry/sdk/rules';

/** The SDK's IndexedDB database of a campaign. */
export function campaignDatabase(campaignId: string): string {
  return storageKey(campaignId);
}

/**
 * Requests a version change of `database` and resolves once it is blocked by the connections already open; the
 * returned promise `done` resolves when they have closed and the change went through.
 */
export async function holdIndexedDb(database: string): Promise<{ done: Promise<void> }> {
  const version = await new Promise<number>((resolve, reject) => {
    const probe = indexedDB.open(database);
    // Never create it: a database made here without the SDK's object store would break the page, not slow it.
    probe.onupgradeneeded = () => probe.transaction?.abort();
    probe.onerror = () => reject(new Error(`${database} does not exist yet (${probe.error?.name})`));
    probe.onsuccess = () => {
      resolve(probe.result.version);
      probe.result.close();
    };
  });
  let blocked: () => void = () => {};
  const isBlocked = new Promise<void>((resolve) => {
    blocked = resolve;
  });
  const done = new Promise<void>((resolve, reject) => {
    const change = indexedDB.open(database, version + 1);
    change.onblocked = () => blocked();
    change.onerror = () => reject(change.error);
    change.onsuccess = () => {
      change.result.close();
      resolve();
    };
  });
  await isBlocked;
  return { done };
}
