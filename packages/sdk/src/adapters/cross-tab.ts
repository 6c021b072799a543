// Coordination between tabs of the same campaign: a lock so two tabs never send the same stored entry at once, and a
// channel to tell each other what was stored and what was delivered.
import type { IndexedEntry } from '../core/entry-index.js';

/** Runs `task` holding the named lock (Web Locks). Without Web Locks (old browsers, Node) it just runs `task`: two tabs
 * may then both send an entry, which is a duplicate with the same `entryId`, removed downstream. */
export async function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks?.request) return task();
  return locks.request(name, task) as Promise<T>;
}

/** Messages between tabs: entries one tab stored (their index facts, never their data), or that Firehose acknowledged. */
export type TabMessage =
  | { readonly type: 'delivered'; readonly entryIds: readonly string[] }
  | { readonly type: 'stored'; readonly entries: readonly IndexedEntry[] };

/** A channel between this campaign's tabs, or `undefined` where BroadcastChannel is missing. */
export interface TabChannel {
  post(message: TabMessage): void;
  close(): void;
}

/** Opens the campaign's channel and calls `onMessage` for messages from other tabs. */
export function openTabChannel(name: string, onMessage: (message: TabMessage) => void): TabChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(name);
  // In Node an open channel keeps the process alive; a client must never do that.
  (channel as BroadcastChannel & { unref?: () => void }).unref?.();
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown; entryIds?: unknown; entries?: unknown } | null;
    if (data?.type === 'delivered' && Array.isArray(data.entryIds)) onMessage(data as TabMessage);
    if (data?.type === 'stored' && Array.isArray(data.entries)) onMessage(data as TabMessage);
  };
  let open = true;
  return {
    post(message) {
      if (!open) return;
      try {
        channel.postMessage(message);
      } catch {
        // Another tab learns of the delivery on its next round anyway (the entry is gone from storage).
      }
    },
    close() {
      open = false;
      channel.close();
    },
  };
}
