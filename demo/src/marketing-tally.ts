// The numbers marketing reads, counted the way `pnpm query` counts them over the delivered files: one row per entryId
// (its first copy to arrive), entrants by the canonical key the transform writes (`checks.entrantKey`), each
// entrant's answer to the marketing question read from their counting entry (the earliest by arrival time, then
// submittedAt, then entryId: infra-notes/athena/entries-unique-view.sql). Pure: entries in, figures out.
import { stateOfPostalCode } from './zip-state.js';

/** One entry as the transform delivered it (only what the figures need). */
export interface TalliedEntry {
  readonly entryId: string;
  /** Firehose's arrival time, ms since the epoch (the server's clock, as `arrivedAt` in the files). */
  readonly arrivedAt: number;
  /** The device's ISO time, only a tie-break. */
  readonly submittedAt: string;
  /** `checks.entrantKey`, or `entry:<entryId>` without one (as entries_unique). */
  readonly entrantKey: string;
  readonly marketing: boolean;
  readonly postalCode: string;
}

/** The marketing figures at one moment. */
export interface MarketingFigures {
  /** Unique entries (distinct entryIds): `select count(*) from entries_unique`. */
  readonly entries: number;
  /** Distinct entrants by the canonical key: `select count(*) from entrants`. */
  readonly entrants: number;
  /** Entrants whose counting entry ticked the marketing box (`--named opt-in-rate`). */
  readonly optIns: number;
  /** optIns / entrants (0 with no entrants). */
  readonly optInRate: number;
  /** Entries per UTC hour of arrival (hour start, ms), oldest first; hours without entries left out. */
  readonly byHour: readonly { readonly hour: number; readonly entries: number }[];
  /** Entries per state from the ZIP's first three digits (`unknown` otherwise), most first, then by name. */
  readonly byState: readonly { readonly state: string; readonly entries: number }[];
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** True when `a` counts before `b` for the same entrant. */
function countsBefore(a: TalliedEntry, b: TalliedEntry): boolean {
  if (a.arrivedAt !== b.arrivedAt) return a.arrivedAt < b.arrivedAt;
  if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt;
  return a.entryId < b.entryId;
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Running marketing figures; {@link MarketingTally.add} each delivered record once, in any order. */
export interface MarketingTally {
  /** Counts an entry; returns false (and counts nothing) for a further copy of an entryId already counted. */
  add(entry: TalliedEntry): boolean;
  figures(): MarketingFigures;
  /** Unique entries per minute of arrival for the `minutes` minutes up to `now`'s minute, oldest first. */
  perMinute(now: number, minutes: number): { minute: number; entries: number }[];
}

/** A tally with nothing counted yet. */
export function createMarketingTally(): MarketingTally {
  const ids = new Set<string>();
  const counting = new Map<string, TalliedEntry>();
  const hours = new Map<number, number>();
  const minutes = new Map<number, number>();
  const states = new Map<string, number>();
  let optIns = 0;

  return {
    add(entry) {
      if (ids.has(entry.entryId)) return false;
      ids.add(entry.entryId);
      increment(hours, Math.floor(entry.arrivedAt / HOUR) * HOUR);
      increment(minutes, Math.floor(entry.arrivedAt / MINUTE) * MINUTE);
      increment(states, stateOfPostalCode(entry.postalCode));
      const current = counting.get(entry.entrantKey);
      if (!current || countsBefore(entry, current)) {
        optIns += Number(entry.marketing) - Number(current?.marketing ?? false);
        counting.set(entry.entrantKey, entry);
      }
      return true;
    },
    figures() {
      const entrants = counting.size;
      return {
        entries: ids.size,
        entrants,
        optIns,
        optInRate: entrants === 0 ? 0 : optIns / entrants,
        byHour: [...hours].sort(([a], [b]) => a - b).map(([hour, entries]) => ({ hour, entries })),
        byState: [...states]
          .sort(([stateA, a], [stateB, b]) => b - a || stateA.localeCompare(stateB))
          .map(([state, entries]) => ({ state, entries })),
      };
    },
    perMinute(now, count) {
      const last = Math.floor(now / MINUTE) * MINUTE;
      return Array.from({ length: count }, (_, index) => {
        const minute = last - (count - 1 - index) * MINUTE;
        return { minute, entries: minutes.get(minute) ?? 0 };
      });
    },
  };
}
