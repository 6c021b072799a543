// Reading what Firehose kept under `errors/processing-failed/`: one JSON line per record, in Firehose's error record
// format, with the original bytes base64 in `rawData`. Which of them are worth sending again is decided by the
// transform's own checkRecord, so a replay never lets through what the transform would refuse.
import { PROCESSING_FAILED, type ProcessingFailedLine } from '@campaign-entry/emulator';
import { checkRecord, type TransformConfig } from '@campaign-entry/firehose-transform';
import { readGzipLines } from '../store/gzip-lines.js';
import type { ObjectStore } from '../store/object-store.js';

/** Where Firehose writes records the transform refused or could not process (the template's `errors/` prefix). */
export const PROCESSING_FAILED_PREFIX = `errors/${PROCESSING_FAILED}/`;

/** A failed record that would pass the transform now. */
export interface ReplayCandidate {
  readonly entryId: string;
  /** The stream it came through (from the object's key), where it goes back. */
  readonly stream: string | undefined;
  /** The original bytes, unchanged. */
  readonly data: Uint8Array;
}

/** What a scan of `errors/processing-failed/` found. */
export interface FailedScan {
  /** Lines read. */
  readonly scanned: number;
  /** Records the transform would pass now, first occurrence of each entryId. */
  readonly candidates: ReplayCandidate[];
  /** Records it would still refuse (by reason): left where they are. */
  readonly refused: Record<string, number>;
}

// `<stream>-<version>-YYYY-MM-DD-HH-MM-SS-<uuid>.gz`: Firehose's object name (and the emulator's).
const OBJECT_NAME = /([^/]+)-\d+-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-[0-9a-f-]{36}\.gz$/u;

/** The delivery stream an object under the error prefix came from, if its name says. */
export function streamOfKey(key: string): string | undefined {
  return OBJECT_NAME.exec(key)?.[1];
}

/** Scans every processing-failed object in `bucket`, checking each record with the transform's rules. */
export async function scanFailed(bucket: ObjectStore, config: TransformConfig, now: number): Promise<FailedScan> {
  const candidates: ReplayCandidate[] = [];
  const seen = new Set<string>();
  const refused: Record<string, number> = {};
  let scanned = 0;
  for (const key of await bucket.list(PROCESSING_FAILED_PREFIX)) {
    const body = await bucket.get(key);
    if (!body) continue;
    for (const text of readGzipLines(body)) {
      scanned++;
      // Firehose's error record format, as the emulator writes it; a line missing fields is read as far as it goes.
      let line: Partial<ProcessingFailedLine>;
      try {
        line = JSON.parse(text) as Partial<ProcessingFailedLine>;
      } catch {
        refused['not-an-error-record'] = (refused['not-an-error-record'] ?? 0) + 1;
        continue;
      }
      const data = new Uint8Array(Buffer.from(String(line.rawData ?? ''), 'base64'));
      // The age rule on the day it first arrived, as the transform would have applied it then.
      const outcome = checkRecord(data, line.arrivalTimestamp ?? now, config);
      if (!outcome.ok) {
        refused[outcome.reason] = (refused[outcome.reason] ?? 0) + 1;
        continue;
      }
      const { entryId } = outcome.record;
      if (seen.has(entryId)) continue;
      seen.add(entryId);
      candidates.push({ entryId, stream: streamOfKey(key), data });
    }
  }
  return { scanned, candidates, refused };
}

/** Every entryId already delivered under `entries/`: a replay skips them, so running it twice sends nothing twice. */
export async function deliveredEntryIds(bucket: ObjectStore): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const key of await bucket.list('entries/')) {
    const body = await bucket.get(key);
    if (!body) continue;
    for (const text of readGzipLines(body)) {
      try {
        const { entryId } = JSON.parse(text) as { entryId?: unknown };
        if (typeof entryId === 'string') ids.add(entryId);
      } catch {
        // Not a record line: nothing to skip.
      }
    }
  }
  return ids;
}
