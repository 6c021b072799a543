// The ledger: checks a round's entrants against the records the emulator acknowledged — none lost, every copy holding
// what was typed — and against what each entrant was shown: "You're in" only once the record was there.
import type { AcknowledgedRecord } from '@campaign-entry/emulator';
import type { ScenarioReport } from './emulator-commands.js';
import { type Entrant, HEADINGS } from './entrant.js';
import type { Round } from './round.js';

/** The first thing an entrant must be shown after Submit in a scenario. */
export type FirstAnswer = 'queued' | 'delivered' | 'either';

/** What a scenario promises its entrants are shown. */
export interface Expectations {
  /** The first answer each entrant must see. */
  readonly firstAnswer: FirstAnswer;
  /** Storages a `queued` event may name. @default any */
  readonly storage?: readonly string[];
}

/** The counts a scenario reports, added up round by round. */
export type Tally = { -readonly [K in Exclude<keyof ScenarioReport, 'scenario' | 'durationMs'>]: number };

/** The `entryId` of a record's data, or `''` when it is not one of our JSON lines. */
export function entryIdOf(data: string): string {
  try {
    return String((JSON.parse(data) as { entryId?: unknown }).entryId);
  } catch {
    return '';
  }
}

/** Checks one round against `records`; adds its entrants to `tally`; returns the problems found. */
export function audit(
  round: Round,
  records: readonly AcknowledgedRecord[],
  expected: Expectations,
  tally: Tally,
): string[] {
  const problems: string[] = [];
  const byEntry = new Map<string, Record<string, unknown>[]>();
  for (const record of records) {
    const id = entryIdOf(record.data);
    byEntry.set(id, [...(byEntry.get(id) ?? []), JSON.parse(record.data) as Record<string, unknown>]);
  }
  for (const entrant of round.entrants) {
    const who = `${entrant.name} (round ${round.index})`;
    tally.entrants += 1;
    const copies = entrant.entryId ? (byEntry.get(entrant.entryId) ?? []) : [];
    if (copies.length === 0) {
      problems.push(`${who}: entry ${entrant.entryId ?? '(no id)'} was never acknowledged (LOST)`);
      tally.lost += 1;
    } else if (entrant.firstAnswer === 'delivered') tally.deliveredAtOnce += 1;
    else tally.savedThenDelivered += 1;
    for (const copy of copies) {
      const fields = copy.fields as { name?: string; email?: string } | undefined;
      const consent = copy.consent as { rules?: boolean } | undefined;
      if (
        copy.campaignId !== entrant.phone.options.campaignId ||
        fields?.name !== entrant.name ||
        fields?.email !== entrant.email ||
        consent?.rules !== true
      ) {
        problems.push(`${who}: the acknowledged record does not hold what was typed: ${JSON.stringify(copy)}`);
      }
    }
    problems.push(...sightingProblems(entrant, expected, who));
  }
  return problems;
}

/** Whether what the entrant was shown matches what happened. */
function sightingProblems(entrant: Entrant, expected: Expectations, who: string): string[] {
  const problems: string[] = [];
  const kinds =
    entrant.sightings
      .map((sighting) => (sighting.code ? `${sighting.kind} (${sighting.code})` : sighting.kind))
      .join(' → ') || 'nothing';
  const first = entrant.firstAnswer;
  if (first !== 'queued' && first !== 'delivered') problems.push(`${who}: after Submit the page showed ${kinds}`);
  else if (expected.firstAnswer !== 'either' && first !== expected.firstAnswer)
    problems.push(`${who}: expected to be shown "${expected.firstAnswer}" first, was shown ${kinds}`);
  if (entrant.sightings.some((sighting) => sighting.kind === 'error' || sighting.kind === 'invalid'))
    problems.push(`${who}: the page showed ${kinds}`);
  const delivered = entrant.sightings.filter((sighting) => sighting.kind === 'delivered');
  if (delivered.length > 1) problems.push(`${who}: "delivered" fired ${delivered.length} times`);
  for (const sighting of entrant.sightings) {
    if (sighting.kind === 'delivered') {
      if ((sighting.acknowledged ?? 0) < 1)
        problems.push(`${who}: shown "You're in" before Firehose acknowledged the entry`);
      if (sighting.heading !== HEADINGS.delivered)
        problems.push(`${who}: on "delivered" the heading read "${sighting.heading}"`);
    }
    if (sighting.kind === 'queued') {
      if (sighting.heading !== HEADINGS.queued)
        problems.push(`${who}: on "queued" the heading read "${sighting.heading}"`);
      if (expected.storage && !expected.storage.includes(sighting.storage ?? ''))
        problems.push(`${who}: saved in ${sighting.storage}, expected ${expected.storage.join(' or ')}`);
    }
  }
  const queuedAt = entrant.sightings.findIndex((sighting) => sighting.kind === 'queued');
  const deliveredAt = entrant.sightings.findIndex((sighting) => sighting.kind === 'delivered');
  if (deliveredAt !== -1 && queuedAt > deliveredAt) problems.push(`${who}: shown ${kinds}`);
  if (!entrant.pageGone) {
    if (!entrant.shownDelivered) problems.push(`${who}: the page still shows ${entrant.phone.element.state}`);
    else if (entrant.phone.element.state !== 'delivered')
      problems.push(`${who}: the page went back to ${entrant.phone.element.state} after "You're in"`);
  }
  return problems;
}
