// The test page's side of wtr-emulator-plugin.mjs: typed wrappers around the commands that start the emulator's Node
// server for this test session, inject faults, and read what it acknowledged.
import type { AcknowledgedRecord, EmulatorStats, Faults, QuotaSettings } from '@campaign-entry/emulator';
import { executeServerCommand } from '@web/test-runner-commands';

/** What the runner tells the tests about the run. */
export interface RunConfig {
  /** The browser's launcher name, e.g. `Chromium`. */
  readonly engine: string;
  /** Total entrants per engine, spread over the scenarios (`pnpm test:chaos --entries N`); `null` in a normal run. */
  readonly totalEntries: number | null;
  /** Entrants per scenario in a normal run. */
  readonly defaultEntrantsPerScenario: number;
  /** Phones a scenario keeps open at once; larger scenarios run in rounds of this many. */
  readonly roundSize: number;
  /** Only scenarios whose name contains one of these `|`-separated parts run (`E2E_ONLY`); the rest are skipped. */
  readonly only: string | null;
}

/** One scenario's outcome, as the chaos runner prints it. */
export interface ScenarioReport {
  readonly scenario: string;
  readonly entrants: number;
  readonly deliveredAtOnce: number;
  readonly savedThenDelivered: number;
  readonly lost: number;
  readonly duplicates: number;
  readonly durationMs: number;
}

let config: Promise<RunConfig> | undefined;

/** The run's configuration (asked once per page). */
export function runConfig(): Promise<RunConfig> {
  config ??= executeServerCommand<RunConfig, undefined>('e2e:config');
  return config;
}

/** Starts a fresh emulator server for this test session (stopping the previous one); resolves to its URL. */
export async function startEmulator(options: { streams?: string[]; seed?: number } = {}): Promise<string> {
  const { url } = await executeServerCommand<{ url: string }, typeof options>('emulator:start', options);
  return url;
}

/** Stops this session's emulator server. */
export async function stopEmulator(): Promise<void> {
  await executeServerCommand('emulator:stop');
}

/** Changes faults from now on; the faults not named keep their value. */
export function setFaults(faults: Partial<Faults>): Promise<Faults> {
  return executeServerCommand<Faults, Partial<Faults>>('emulator:faults', faults);
}

/** Back to no faults at all. */
export function clearFaults(): Promise<Faults> {
  return executeServerCommand<Faults, undefined>('emulator:clear-faults');
}

/** Changes quotas from now on. */
export function setQuotas(quotas: QuotaSettings): Promise<unknown> {
  return executeServerCommand('emulator:quotas', quotas);
}

/** Expires every credential issued so far: the next signed call with one gets `ExpiredTokenException`. */
export async function expireCredentials(): Promise<void> {
  await executeServerCommand('emulator:expire-credentials');
}

/** How many acknowledged records the emulator holds for each of `entryIds`. */
export function acknowledgedCounts(entryIds: readonly string[]): Promise<Record<string, number>> {
  return executeServerCommand<Record<string, number>, { entryIds: readonly string[] }>('emulator:counts', { entryIds });
}

/** Every record the emulator acknowledged, in arrival order. */
export function acknowledgedRecords(): Promise<AcknowledgedRecord[]> {
  return executeServerCommand<AcknowledgedRecord[], undefined>('emulator:records');
}

/** Firehose and Cognito counters. */
export function emulatorStats(): Promise<Pick<EmulatorStats, 'firehose' | 'cognito'>> {
  return executeServerCommand<Pick<EmulatorStats, 'firehose' | 'cognito'>, undefined>('emulator:stats');
}

/** Hands a scenario's summary to the runner (the chaos runner prints them). */
export async function report(summary: ScenarioReport): Promise<void> {
  await executeServerCommand('e2e:report', summary);
}
