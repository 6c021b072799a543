// The fault matrix's scenarios by name, and how a run's entrant count is spread over them.
import { runConfig } from './emulator-commands.js';

/** Every scenario of the matrix, in the order the tests run them; `--entries N` is spread over all of them. */
export const MATRIX = [
  'offline',
  '5xx',
  'whole-call throttling',
  '50% per-record failures',
  '10 s latency',
  'Cognito throttling',
  'credentials expire mid-run',
  'identity unknown to Cognito',
  'clock 15 min ahead',
  'clock 15 min behind',
  'reload while stored',
  'answers lost, then reload',
  'no IndexedDB',
  'no storage at all',
  'two tabs',
  'slow IndexedDB in one tab',
] as const;

/** A scenario's name. */
export type ScenarioName = (typeof MATRIX)[number];

/** Scenarios that keep a fixed number of entrants whatever `--entries` says (slow by design). */
export const FIXED_ENTRANTS: Partial<Record<ScenarioName, number>> = { '10 s latency': 3 };

/** How many entrants a scenario gets in this run: `--entries` is spread so the matrix has at least that many. */
export async function entrantsFor(name: ScenarioName): Promise<number> {
  const fixed = FIXED_ENTRANTS[name];
  if (fixed !== undefined) return fixed;
  const config = await runConfig();
  if (config.totalEntries === null) return config.defaultEntrantsPerScenario;
  const fixedTotal = Object.values(FIXED_ENTRANTS).reduce((sum, count) => sum + count, 0);
  const spread = MATRIX.length - Object.keys(FIXED_ENTRANTS).length;
  return Math.max(1, Math.ceil((config.totalEntries - fixedTotal) / spread));
}

/** A generous mocha timeout for a scenario of `entrants` entrants, in milliseconds. */
export function timeoutFor(entrants: number, roundSize: number, settleTimeoutMs: number): number {
  const rounds = Math.ceil(entrants / roundSize);
  return rounds * (settleTimeoutMs + 180_000 + Math.min(entrants, roundSize) * 3_000);
}
