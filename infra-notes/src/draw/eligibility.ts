// Who is in the draw, from the delivered records alone: the same rule as athena/entries-unique-view.sql (draw_entry)
// plus the cut-off in athena/draw-eligible.sql. Pure: no I/O, no clock. Time is the server's (`arrivedAt`, which the
// Firehose transform writes from Firehose's arrival timestamp and a device cannot set), never the device's
// `submittedAt`, so a backdated record is judged by when it really arrived.
import { ENTRANT_KEY_VERSION } from '@campaign-entry/firehose-transform/entrant-key';

/** The parts of a delivered record (a line under `entries/`) the draw reads; anything may be missing on bad data. */
export interface DeliveredEntry {
  readonly entryId: string;
  readonly arrivedAt?: string | undefined;
  readonly submittedAt?: string | undefined;
  readonly consent?: { readonly rules?: boolean | undefined } | undefined;
  readonly meta?: { readonly suspect?: boolean | undefined } | undefined;
  readonly checks?: { readonly review?: boolean | undefined; readonly entrantKey?: string | undefined } | undefined;
}

/** The rule parameters a draw is committed with. */
export interface DrawRules {
  /** When entries closed, ISO 8601 UTC with milliseconds (see {@link drawRules}). */
  readonly closesAt: string;
  /** Minutes after `closesAt` a record may still arrive (Firehose buffering, SDK retries of earlier taps). */
  readonly graceMinutes: number;
  /** The entrant-key rules version (`ENTRANT_KEY_VERSION`) the keys were made with. */
  readonly entrantKeyVersion: number;
}

/** One eligible entry: what the commitment covers. */
export interface EligibleEntry {
  readonly entryId: string;
  readonly arrivedAt: string;
}

/**
 * Checks and normalises the rule parameters.
 * @throws RangeError when closes-at is not an instant or grace is not whole minutes from 0 to 1440
 */
export function drawRules(closesAt: string, graceMinutes = 0): DrawRules {
  const ms = Date.parse(closesAt);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u.test(closesAt) || Number.isNaN(ms)) {
    throw new RangeError(`closes-at "${closesAt}" is not an ISO 8601 instant (2027-02-14T02:00:00Z)`);
  }
  if (!Number.isInteger(graceMinutes) || graceMinutes < 0 || graceMinutes > 1440) {
    throw new RangeError(`grace-minutes ${graceMinutes} must be whole minutes from 0 to 1440`);
  }
  return { closesAt: new Date(ms).toISOString(), graceMinutes, entrantKeyVersion: ENTRANT_KEY_VERSION };
}

/** The instant the eligible set freezes: closes-at + grace, ISO 8601 UTC. */
export function freezesAt(rules: DrawRules): string {
  return new Date(Date.parse(rules.closesAt) + rules.graceMinutes * 60_000).toISOString();
}

/** The entrant an entry counts for: the transform's `checks.entrantKey`, or the entry alone (`entry:<entryId>`). */
export function entrantKeyOfEntry(entry: DeliveredEntry): string {
  return entry.checks?.entrantKey ?? `entry:${entry.entryId}`;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Arrival order, ISO strings compared as text (the transform always writes `toISOString()`'s fixed-width form);
 * missing arrival times last.
 */
export function byArrival(a: DeliveredEntry, b: DeliveredEntry): number {
  if (a.arrivedAt === undefined || b.arrivedAt === undefined) {
    return (a.arrivedAt === undefined ? 1 : 0) - (b.arrivedAt === undefined ? 1 : 0);
  }
  return byText(a.arrivedAt, b.arrivedAt);
}

/** One record per entryId: the copy that arrived first (delivery is at-least-once). */
export function firstCopies(records: Iterable<DeliveredEntry>): DeliveredEntry[] {
  const first = new Map<string, DeliveredEntry>();
  for (const record of records) {
    const seen = first.get(record.entryId);
    if (!seen || byArrival(record, seen) < 0) first.set(record.entryId, record);
  }
  return [...first.values()];
}

/** Can this entry be drawn at all: rules accepted, not suspect, not under review, arrival time known. */
export function isDrawable(entry: DeliveredEntry): entry is DeliveredEntry & { arrivedAt: string } {
  return (
    entry.consent?.rules === true &&
    entry.meta?.suspect !== true &&
    entry.checks?.review !== true &&
    typeof entry.arrivedAt === 'string'
  );
}

/**
 * Each entrant's draw entry: the earliest-arriving drawable entry (ties by entryId). Judged on first copies, so a
 * later re-delivery or a later entry with a backdated `submittedAt` cannot take its place.
 */
export function drawEntries(records: Iterable<DeliveredEntry>): EligibleEntry[] {
  const best = new Map<string, EligibleEntry>();
  for (const entry of firstCopies(records)) {
    if (!isDrawable(entry)) continue;
    const key = entrantKeyOfEntry(entry);
    const current = best.get(key);
    const earlier =
      !current ||
      byText(entry.arrivedAt, current.arrivedAt) < 0 ||
      (entry.arrivedAt === current.arrivedAt && entry.entryId < current.entryId);
    if (earlier) best.set(key, { entryId: entry.entryId, arrivedAt: entry.arrivedAt });
  }
  return [...best.values()];
}

/**
 * The eligible set: draw entries that arrived by closes-at + grace (inclusive), sorted by entryId.
 * @example eligibleEntries(records, drawRules('2027-02-14T02:00:00Z', 15))
 */
export function eligibleEntries(records: Iterable<DeliveredEntry>, rules: DrawRules): EligibleEntry[] {
  const cutoff = Date.parse(freezesAt(rules));
  return drawEntries(records)
    .filter((entry) => Date.parse(entry.arrivedAt) <= cutoff)
    .sort((a, b) => byText(a.entryId, b.entryId));
}
