// Deleting a large backlog's acknowledged entries (a kiosk back online): IndexedDB answers every delete request on its
// own, and for thousands of keys that costs more than sending them did. Neighbouring keys go in one key-range request
// instead (the delivery loop deletes in key order: see deletion-queue.ts), and calls made while a deletion runs are
// merged into the next one. A lazily loaded chunk: a phone never deletes this many at once.
import type { UseStore } from 'idb-keyval';

/** Deletions waiting for the one in progress. */
interface Queue {
  ids: string[];
  waiters: { resolve(): void; reject(error: unknown): void }[];
  running: boolean;
}

/** One queue per set of known keys (a new set after another tab sent, so never merged with the old one's). */
const queues = new WeakMap<Set<string>, Queue>();

/**
 * Deletes `entryIds` in one transaction. `known` holds keys that are certainly in the store (listed or stored by this
 * page, never deleted by another since: only the send-lock holder deletes, and it claims the store first). A run of
 * known keys, all to be deleted, with no other known key between them, is deleted as one range once the range counts
 * exactly as many keys: then nothing else (an entry another tab just stored) is inside. Anything else is deleted key by
 * key, as `delMany` does.
 */
function deleteRuns(store: UseStore, entryIds: readonly string[], known: Set<string>): Promise<void> {
  const asked = new Set(entryIds);
  const sorted = [...asked].sort();
  const low = sorted[0] ?? '';
  const high = sorted[sorted.length - 1] ?? '';
  const neighbours = [...known].filter((key) => key >= low && key <= high).sort();
  const runs: string[][] = [];
  let run: string[] = [];
  for (const key of neighbours) {
    if (asked.has(key)) run.push(key);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  const alone = sorted.filter((id) => !known.has(id));
  for (const id of asked) known.delete(id);
  return store('readwrite', (objects) => {
    for (const id of alone) objects.delete(id);
    for (const keys of runs) {
      const range = IDBKeyRange.bound(keys[0], keys[keys.length - 1]);
      const counting = objects.count(range);
      counting.onsuccess = () => {
        if (counting.result === keys.length) objects.delete(range);
        else for (const key of keys) objects.delete(key);
      };
    }
    return new Promise<void>((resolve, reject) => {
      const { transaction } = objects;
      transaction.oncomplete = () => resolve();
      transaction.onabort = transaction.onerror = () => reject(transaction.error);
    });
  });
}

async function work(store: UseStore, known: Set<string>, queue: Queue): Promise<void> {
  queue.running = true;
  while (queue.waiters.length > 0) {
    const { ids, waiters } = queue;
    queue.ids = [];
    queue.waiters = [];
    try {
      await deleteRuns(store, ids, known);
      for (const waiter of waiters) waiter.resolve();
    } catch (error) {
      for (const waiter of waiters) waiter.reject(error);
    }
  }
  queue.running = false;
}

/**
 * Deletes `entryIds` from `store` (forgetting them in `known`), merged with other calls made while a deletion is in
 * progress; resolves once they are gone, rejects as the transaction that held them did.
 */
export function deleteInBulk(store: UseStore, entryIds: readonly string[], known: Set<string>): Promise<void> {
  let queue = queues.get(known);
  if (!queue) {
    queue = { ids: [], waiters: [], running: false };
    queues.set(known, queue);
  }
  const done = new Promise<void>((resolve, reject) => {
    queue.waiters.push({ resolve, reject });
  });
  queue.ids = queue.ids.concat(entryIds);
  if (!queue.running) void work(store, known, queue);
  return done;
}
