// An in-memory index of the entries stored on the device: what the delivery loop needs to choose, pack and send a
// round without reading the whole store again. Records are kept in memory only until acknowledged (as the stored
// copy is); an entry another tab announced comes without its record, which is read when it is sent.

/** What the index keeps of one stored entry. */
export interface IndexedEntry {
  readonly entryId: string;
  /** UTF-8 size of the stored record. */
  readonly bytes: number;
  /** When it was stored, ms since the epoch. */
  readonly storedAt: number;
  /** The stored record, when this tab holds it in memory. */
  readonly line?: string;
}

/** Oldest first, then by id, so every backend and the index agree on one order. */
export function byAge(a: Pick<IndexedEntry, 'entryId' | 'storedAt'>, b: Pick<IndexedEntry, 'entryId' | 'storedAt'>) {
  return a.storedAt - b.storedAt || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0);
}

/**
 * Stored entries by id, listed oldest first. Adding in age order (the usual case: a new entry is the newest) and
 * removing cost O(1); an older entry arriving late (from another tab) makes the next {@link ordered} sort once.
 */
export class EntryIndex {
  #entries = new Map<string, IndexedEntry>();
  /** Oldest first; may still hold removed entries (`#removed`), filtered out on the next read. */
  #ordered: IndexedEntry[] | undefined = [];
  #removed = false;

  /** Number of entries indexed. */
  get size(): number {
    return this.#entries.size;
  }

  /** Whether `entryId` is indexed. */
  has(entryId: string): boolean {
    return this.#entries.has(entryId);
  }

  /** Replaces everything with `entries` (a fresh read of the store). */
  replace(entries: Iterable<IndexedEntry>): void {
    this.#entries = new Map();
    for (const entry of entries) this.#entries.set(entry.entryId, entry);
    this.#ordered = undefined;
    this.#removed = false;
  }

  /** Adds (or updates) one entry. */
  add(entry: IndexedEntry): void {
    const known = this.#entries.has(entry.entryId);
    this.#entries.set(entry.entryId, entry);
    const newest = this.#ordered?.[this.#ordered.length - 1];
    if (!known && this.#ordered && (!newest || byAge(newest, entry) < 0)) this.#ordered.push(entry);
    else this.#ordered = undefined;
  }

  /** Removes entries; unknown ids are ignored. */
  remove(entryIds: Iterable<string>): void {
    for (const id of entryIds) this.#removed = this.#entries.delete(id) || this.#removed;
  }

  /** Every indexed entry, oldest first: a copy, which later changes leave alone. */
  ordered(): IndexedEntry[] {
    if (!this.#ordered) this.#ordered = [...this.#entries.values()].sort(byAge);
    else if (this.#removed) this.#ordered = this.#ordered.filter((entry) => this.#entries.get(entry.entryId) === entry);
    this.#removed = false;
    return [...this.#ordered];
  }
}
