// Runs one scenario of the fault matrix: a fresh emulator, rounds of phones and entrants driven by the scenario's
// fault script, then the ledger for each round, and one summary for the chaos runner.

import { until } from '@campaign-entry/sdk/testing';
import {
  acknowledgedCounts,
  acknowledgedRecords,
  clearFaults,
  report,
  runConfig,
  type ScenarioReport,
  startEmulator,
  stopEmulator,
} from './emulator-commands.js';
import { audit, type Expectations, entryIdOf, type Tally } from './ledger.js';
import { entrantsFor, type ScenarioName } from './matrix.js';
import { Round } from './round.js';

/** How long, after the fault script, everything may take to be acknowledged and shown, in milliseconds. */
export const DEFAULT_SETTLE_MS = 90_000;

/** What a scenario does to the emulator and the phones while its entrants enter, and what they must be shown. */
export interface ScenarioPlan extends Expectations {
  readonly name: ScenarioName;
  /** How long, after the fault script, everything may take to be acknowledged and shown. @default {@link DEFAULT_SETTLE_MS} */
  readonly settleTimeoutMs?: number;
  /** The fault script for one round: open phones, inject faults, let entrants enter, act on the pages. */
  run(round: Round): Promise<void>;
}

/** The outcome of a scenario: the summary, and every broken promise found (empty when all held). */
export interface ScenarioResult {
  readonly summary: ScenarioReport;
  readonly problems: string[];
}

/** Runs a scenario in rounds, reports its summary, and returns it with the problems found. */
export async function runScenario(plan: ScenarioPlan): Promise<ScenarioResult> {
  const started = Date.now();
  const total = await entrantsFor(plan.name);
  const { roundSize } = await runConfig();
  const endpoint = await startEmulator();
  const tally: Tally = { entrants: 0, deliveredAtOnce: 0, savedThenDelivered: 0, lost: 0, duplicates: 0 };
  const problems: string[] = [];
  const everyEntryId = new Set<string>();
  try {
    for (let index = 0, done = 0; done < total; index++) {
      const round = new Round(plan.name, index, Math.min(roundSize, total - done), endpoint);
      try {
        await clearFaults();
        try {
          await plan.run(round);
        } catch (error) {
          // Keep going: settle and audit say which entries and pages the failed step left behind.
          problems.push(`round ${index}: ${error instanceof Error ? error.message : String(error)}`);
        }
        await clearFaults();
        await settle(round, plan.settleTimeoutMs ?? DEFAULT_SETTLE_MS);
        problems.push(...audit(round, await acknowledgedRecords(), plan, tally));
        for (const id of round.entryIds()) everyEntryId.add(id);
      } finally {
        round.close();
      }
      done += round.size;
    }
    // Counted over the whole scenario at the end, so a copy that lands after its round's audit is counted too.
    const records = await acknowledgedRecords();
    const ours = records.map((record) => entryIdOf(record.data)).filter((id) => everyEntryId.has(id));
    if (ours.length < records.length)
      problems.push(`${records.length - ours.length} acknowledged records belong to no entrant`);
    tally.duplicates = ours.length - new Set(ours).size;
  } finally {
    await stopEmulator();
  }
  const summary: ScenarioReport = { scenario: plan.name, ...tally, durationMs: Date.now() - started };
  await report(summary);
  return { summary, problems };
}

/**
 * Waits until every entry is acknowledged and every page still open says "You're in". At the deadline it stops
 * waiting without failing: the audit then names exactly which entrant or record is missing.
 */
async function settle(round: Round, timeoutMs: number): Promise<void> {
  const ids = round.entryIds();
  try {
    await until(
      async () => {
        const onScreen = round.entrants.every(
          (entrant) => entrant.pageGone || (entrant.shownDelivered && entrant.phone.element.state === 'delivered'),
        );
        if (!onScreen) return false;
        const counts = await acknowledgedCounts(ids);
        return ids.every((id) => (counts[id] ?? 0) > 0);
      },
      'every entry to be acknowledged and shown as delivered',
      timeoutMs,
    );
  } catch {
    // reported by the audit
  }
  await Promise.all(round.entrants.map((entrant) => entrant.checked()));
}
