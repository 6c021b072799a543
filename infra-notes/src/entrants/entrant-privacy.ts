// Access and erasure requests: every line of one entrant in the bucket's `entries/` (delivered records) and
// `errors/` (records the transform refused, the original in base64 `rawData`), matched by the canonical entrant key,
// so `Vic.Tim+x@Example.com` finds what `vic.tim@example.com` sent. Erasure rewrites each affected object without
// those lines (an object left empty is removed); after a draw commitment, committed entries keep a non-personal
// tombstone so the commitment still verifies and the entry cannot win (draw/reveal.ts).
import { entrantKeyOf } from '@campaign-entry/firehose-transform/entrant-key';
import { tombstoneErased } from '../draw/draw-service.js';
import { readGzipLines, writeGzipLines } from '../store/gzip-lines.js';
import type { ObjectStore } from '../store/object-store.js';

/** The prefixes searched: what Athena and `pnpm query` read. */
export const PERSONAL_DATA_PREFIXES = ['entries/', 'errors/'] as const;

/** One line that belongs to the entrant. */
export interface EntrantLine {
  readonly object: string;
  readonly source: 'entries' | 'errors';
  readonly entryId: string | null;
  readonly arrivedAt: string | null;
  /** The record as stored (for an access request), decoded from `rawData` for errors. */
  readonly record: Record<string, unknown>;
}

interface Parsed {
  readonly record: Record<string, unknown>;
  readonly arrivedAt: string | null;
}

function parseLine(line: string, source: EntrantLine['source']): Parsed | undefined {
  try {
    const value = JSON.parse(line) as Record<string, unknown>;
    if (source === 'entries') {
      return { record: value, arrivedAt: typeof value.arrivedAt === 'string' ? value.arrivedAt : null };
    }
    if (typeof value.rawData !== 'string') return undefined;
    const record = JSON.parse(Buffer.from(value.rawData, 'base64').toString('utf8')) as Record<string, unknown>;
    const arrival = typeof value.arrivalTimestamp === 'number' ? new Date(value.arrivalTimestamp).toISOString() : null;
    return { record, arrivedAt: arrival };
  } catch {
    return undefined;
  }
}

function belongsTo(record: Record<string, unknown>, key: string): boolean {
  const fields = record.fields as Record<string, unknown> | undefined;
  const email = typeof fields?.email === 'string' ? fields.email : undefined;
  const checks = record.checks as { entrantKey?: unknown } | undefined;
  return entrantKeyOf(email) === key || checks?.entrantKey === key;
}

/** The canonical key of the requester's address. @throws RangeError when it is not an address */
export function requestKey(email: string): string {
  const key = entrantKeyOf(email);
  if (!key) throw new RangeError(`"${email}" is not an e-mail address`);
  return key;
}

async function scan(
  store: ObjectStore,
  key: string,
  visit: (object: string, lines: string[], matched: Set<number>) => Promise<void>,
): Promise<EntrantLine[]> {
  const found: EntrantLine[] = [];
  for (const prefix of PERSONAL_DATA_PREFIXES) {
    const source = prefix === 'entries/' ? 'entries' : 'errors';
    for (const object of await store.list(prefix)) {
      if (!object.endsWith('.gz')) continue;
      const body = await store.get(object);
      if (!body) continue;
      const lines = readGzipLines(body);
      const matched = new Set<number>();
      lines.forEach((line, index) => {
        const parsed = parseLine(line, source);
        if (!parsed || !belongsTo(parsed.record, key)) return;
        matched.add(index);
        const entryId = typeof parsed.record.entryId === 'string' ? parsed.record.entryId : null;
        found.push({ object, source, entryId, arrivedAt: parsed.arrivedAt, record: parsed.record });
      });
      if (matched.size > 0) await visit(object, lines, matched);
    }
  }
  return found;
}

/** Everything stored for the entrant with this address (an access request). */
export async function findEntrant(store: ObjectStore, email: string): Promise<{ key: string; lines: EntrantLine[] }> {
  const key = requestKey(email);
  return { key, lines: await scan(store, key, async () => {}) };
}

/** What an erasure did (or, as a dry run, would do). */
export interface ErasureReport {
  readonly key: string;
  readonly dryRun: boolean;
  readonly linesRemoved: number;
  readonly objectsRewritten: number;
  readonly objectsRemoved: number;
  readonly entryIds: readonly string[];
  /** Committed draw entries that now have a tombstone. */
  readonly tombstoned: number;
}

/**
 * Removes every line of the entrant from `entries/` and `errors/`. With `write: false`, only reports.
 * @param state where the draw's files are (tombstones go there when a commitment exists)
 */
export async function eraseEntrant(
  store: ObjectStore,
  state: ObjectStore,
  email: string,
  options: { readonly write: boolean; readonly now: () => number },
): Promise<ErasureReport> {
  const key = requestKey(email);
  let objectsRewritten = 0;
  let objectsRemoved = 0;
  const lines = await scan(store, key, async (object, all, matched) => {
    const kept = all.filter((_, index) => !matched.has(index));
    if (kept.length === 0) objectsRemoved++;
    else objectsRewritten++;
    if (!options.write) return;
    if (kept.length === 0) await store.remove(object);
    else await store.put(object, writeGzipLines(kept));
  });
  const erased = lines.filter((line) => line.source === 'entries' && line.entryId !== null);
  const tombstoned = options.write
    ? await tombstoneErased(
        state,
        erased.map((line) => ({ entryId: line.entryId as string, arrivedAt: line.arrivedAt })),
        options.now,
      )
    : 0;
  return {
    key,
    dryRun: !options.write,
    linesRemoved: lines.length,
    objectsRewritten,
    objectsRemoved,
    entryIds: [...new Set(lines.flatMap((line) => (line.entryId ? [line.entryId] : [])))].sort(),
    tombstoned,
  };
}
