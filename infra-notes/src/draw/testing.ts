// Test helpers: records made the way the stack makes them (the real transform's checkRecord stamps arrivedAt and
// checks.entrantKey), written as Firehose objects into a store.
import { randomUUID } from 'node:crypto';
import { checkRecord } from '@campaign-entry/firehose-transform';
import { writeGzipLines } from '../store/gzip-lines.js';
import type { ObjectStore } from '../store/object-store.js';

/** The campaign the helpers enter. */
export const TEST_CAMPAIGN = { campaignId: 'loungebeer-sb', spec: { fields: ['name', 'email'] as const } };

/** What an entrant (or attacker) sends, and when it reaches Firehose. */
export interface Submission {
  readonly email: string;
  readonly name?: string;
  readonly entryId?: string;
  /** The device's claim. @default arrivedAt − 1 s */
  readonly submittedAt?: string;
  /** Firehose's arrival time (the server's clock). */
  readonly arrivedAt: string;
  /** The SDK's bot suspicion (the transform then flags the entry for review). */
  readonly suspect?: boolean;
  readonly marketing?: boolean;
}

/** The delivered line for a submission, through the real transform. */
export function deliveredLine(submission: Submission): string {
  const arrived = Date.parse(submission.arrivedAt);
  const record = {
    schema: 1,
    entryId: submission.entryId ?? randomUUID(),
    campaignId: TEST_CAMPAIGN.campaignId,
    submittedAt: submission.submittedAt ?? new Date(arrived - 1000).toISOString(),
    fields: { name: submission.name ?? 'Ada Lovelace', email: submission.email },
    consent: { rules: true, marketing: submission.marketing ?? false },
    meta: { locale: 'en', sdk: '0.1.0', fillMs: 8000, suspect: submission.suspect ?? false },
  };
  const outcome = checkRecord(new TextEncoder().encode(JSON.stringify(record)), arrived, {
    campaignId: TEST_CAMPAIGN.campaignId,
    spec: { fields: [...TEST_CAMPAIGN.spec.fields] },
  });
  if (!outcome.ok) throw new Error(`test record refused: ${outcome.reason} ${outcome.detail ?? ''}`);
  return outcome.line.trimEnd();
}

/** Writes one Firehose object (`entries/YYYY/MM/DD/HH/…gz`) in the hour of the first line's arrival. */
export async function deliver(
  store: ObjectStore,
  lines: readonly string[],
  name: string = randomUUID(),
): Promise<string> {
  const first = JSON.parse(lines[0] ?? '{}') as { arrivedAt?: string };
  const at = first.arrivedAt ?? '2027-02-14T01:00:00.000Z';
  const hour = `${at.slice(0, 4)}/${at.slice(5, 7)}/${at.slice(8, 10)}/${at.slice(11, 13)}`;
  const key = `entries/${hour}/loungebeer-sb-prod-entries-0-1-${name}.gz`;
  await store.put(key, writeGzipLines(lines));
  return key;
}
