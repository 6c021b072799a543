// The draw's file I/O: delivered records read from a bucket's `entries/` objects, and the draw's own state under
// `draw/` (the commitment, the committed list, erasure tombstones, the reveal). Nothing here decides anything.

import { readGzipLines } from '../store/gzip-lines.js';
import type { ObjectStore } from '../store/object-store.js';
import type { DeliveredEntry, DrawRules } from './eligibility.js';

/** Where Firehose delivers accepted records (the Glue table's location). */
export const ENTRIES_PREFIX = 'entries/';

/** The draw's files, relative to the state store. */
export const DRAW_FILES = {
  /** {@link StoredCommitment}, JSON. */
  commitment: 'draw/commitment.json',
  /** The committed eligible entry ids, one per line, sorted: what the brand publishes with the commitment. */
  eligible: 'draw/eligible.txt',
  /** {@link Tombstone}[], JSON: committed entries erased afterwards. */
  erasures: 'draw/erasures.json',
  /** The last reveal's output, JSON. */
  reveal: 'draw/reveal.json',
} as const;

/** What `pnpm draw commit` stores (and prints, without the list). */
export interface StoredCommitment extends DrawRules {
  readonly commitment: string;
  readonly eligible: number;
  readonly freezesAt: string;
  /** When the commit ran (the operator's clock; informational, not hashed). */
  readonly committedAt: string;
}

/** What is kept of an entry erased after the commitment: nothing personal. */
export interface Tombstone {
  readonly entryId: string;
  readonly arrivedAt: string | null;
  readonly erased: true;
  readonly erasedAt: string;
}

function isEntry(value: unknown): value is DeliveredEntry {
  return typeof value === 'object' && value !== null && typeof (value as { entryId?: unknown }).entryId === 'string';
}

/** Every record under `entries/` (gzip NDJSON); lines that are not JSON objects with an entryId are skipped. */
export async function loadDeliveredEntries(store: ObjectStore): Promise<DeliveredEntry[]> {
  const records: DeliveredEntry[] = [];
  for (const key of await store.list(ENTRIES_PREFIX)) {
    if (!key.endsWith('.gz')) continue;
    const body = await store.get(key);
    if (!body) continue;
    for (const line of readGzipLines(body)) {
      try {
        const value: unknown = JSON.parse(line);
        if (isEntry(value)) records.push(value);
      } catch {
        // Malformed line: skipped, as Athena's ignore.malformed.json does.
      }
    }
  }
  return records;
}

const text = new TextEncoder();
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function readJson<T>(store: ObjectStore, key: string): Promise<T | undefined> {
  const body = await store.get(key);
  return body ? (JSON.parse(decode(body)) as T) : undefined;
}

/** The stored commitment and its list, or `undefined` before `pnpm draw commit`. */
export async function readCommitment(
  store: ObjectStore,
): Promise<{ stored: StoredCommitment; eligible: string[] } | undefined> {
  const stored = await readJson<StoredCommitment>(store, DRAW_FILES.commitment);
  const list = await store.get(DRAW_FILES.eligible);
  if (!stored || !list) return undefined;
  return { stored, eligible: decode(list).split('\n').filter(Boolean) };
}

/** Stores the commitment and its list. */
export async function writeCommitment(store: ObjectStore, stored: StoredCommitment, eligible: readonly string[]) {
  await store.put(DRAW_FILES.eligible, text.encode(eligible.map((id) => `${id}\n`).join('')));
  await store.put(DRAW_FILES.commitment, text.encode(`${JSON.stringify(stored, null, 2)}\n`));
}

/** The tombstones of committed entries erased since (empty when none). */
export async function readTombstones(store: ObjectStore): Promise<Tombstone[]> {
  return (await readJson<Tombstone[]>(store, DRAW_FILES.erasures)) ?? [];
}

/** Adds tombstones (an entry already tombstoned keeps its first one). */
export async function addTombstones(store: ObjectStore, added: readonly Tombstone[]): Promise<void> {
  if (added.length === 0) return;
  const all = await readTombstones(store);
  const known = new Set(all.map((tombstone) => tombstone.entryId));
  for (const tombstone of added) if (!known.has(tombstone.entryId)) all.push(tombstone);
  all.sort((a, b) => (a.entryId < b.entryId ? -1 : 1));
  await store.put(DRAW_FILES.erasures, text.encode(`${JSON.stringify(all, null, 2)}\n`));
}

/** Stores a reveal's output, for `pnpm draw verify`. */
export async function writeReveal(store: ObjectStore, reveal: unknown): Promise<void> {
  await store.put(DRAW_FILES.reveal, text.encode(`${JSON.stringify(reveal, null, 2)}\n`));
}

/** The stored reveal output, if any. */
export async function readReveal<T>(store: ObjectStore): Promise<T | undefined> {
  return readJson<T>(store, DRAW_FILES.reveal);
}
