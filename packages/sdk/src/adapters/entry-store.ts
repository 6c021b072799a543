// Durable storage for entries not yet acknowledged, behind one interface with several backends.
import { byAge } from '../core/entry-index.js';

export { byAge };

/** An entry waiting on the device for Firehose to acknowledge it. */
export interface StoredEntry {
  readonly entryId: string;
  /** The encoded record: exactly the bytes sent, never re-encoded. */
  readonly line: string;
  /** UTF-8 size of `line`. */
  readonly bytes: number;
  /** When it was stored, ms since the epoch. */
  readonly storedAt: number;
}

/** Which storage holds entries: `memory` survives only while the page is open. */
export type StorageKind = 'indexeddb' | 'localstorage' | 'memory';

/**
 * Where entries wait. Implementations must make `put` durable before resolving (the entrant is told the entry is
 * saved on the strength of it).
 */
export interface EntryStore {
  readonly kind: StorageKind;
  /** Saves (or overwrites) one entry. Rejects when the storage cannot take it (quota, private mode). */
  put(entry: StoredEntry): Promise<void>;
  /** Every stored entry, oldest first. */
  list(): Promise<StoredEntry[]>;
  /** How many entries are stored (cheaper than `list` where the backend can count keys). */
  count(): Promise<number>;
  /**
   * The entries among `entryIds` still stored, in the order asked (ids no longer stored are left out). Optional for
   * stores passed in by callers: without it the delivery loop picks them out of `list()`.
   */
  get?(entryIds: readonly string[]): Promise<StoredEntry[]>;
  /**
   * Called by a tab holding the send lock, before it deletes anything: records `holder` as the last sender and
   * resolves `true` when it already was, i.e. no other tab can have deleted entries since `holder` last looked. A store
   * other tabs share must record this where they all see it at once; without this method a sender re-reads the store
   * on every round.
   */
  claimSender?(holder: string): Promise<boolean>;
  /** Removes entries (after Firehose acknowledged them); unknown ids are ignored. */
  delete(entryIds: readonly string[]): Promise<void>;
}

/** A small string key-value store (the shape the AWS SDK's Cognito provider uses to cache the identity id). */
export interface KeyValueStore {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

/** Whether `value` has the shape of a {@link StoredEntry} (storage can hold anything another version wrote). */
export function isStoredEntry(value: unknown): value is StoredEntry {
  const entry = value as Partial<StoredEntry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.entryId === 'string' &&
    typeof entry.line === 'string' &&
    typeof entry.bytes === 'number' &&
    typeof entry.storedAt === 'number'
  );
}
