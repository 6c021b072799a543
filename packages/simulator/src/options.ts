// The command line: `pnpm simulate [--entrants N] [--minutes M] [--streams S] [--regions R] [--seed N] [quotas…]
// [--scenario broadcast|burst] [--window-ms MS] [--json] [--chart PATH|none] [--perf] [--sweep]`.
import { parseArgs } from 'node:util';
import type { AwsQuotas } from './aws/quotas.js';
import { SCENARIOS, type ScenarioName } from './scenario.js';
import type { SimulationOptions } from './simulation-options.js';

/** What the command line asked for. */
export interface CommandLine {
  readonly simulation: SimulationOptions;
  readonly json: boolean;
  /** Where to write the SVG chart, or `undefined` for none. */
  readonly chart: string | undefined;
  /** Add wall time and memory to the output (not deterministic). */
  readonly perf: boolean;
  /** Run the capacity sweep instead (Markdown table). */
  readonly sweep: boolean;
  /** Runs with seeds seed, seed + 1, …: more than one prints a JSON array of reports (small runs, less noise). */
  readonly runs: number;
}

/** Defaults: 100,000 entrants over a 10-minute halftime, 4 streams (the template's default), 1 region, seed 1. */
export const DEFAULTS = { entrants: 100_000, minutes: 10, streams: 4, regions: 1, seed: 1 } as const;

/** Default chart path (relative to the repository root). */
export const DEFAULT_CHART = 'docs/simulation.svg';

const QUOTA_FLAGS = {
  'requests-per-second': 'firehoseRequestsPerSecond',
  'records-per-second': 'firehoseRecordsPerSecond',
  'bytes-per-second': 'firehoseBytesPerSecond',
  'get-id-per-second': 'getIdPerSecond',
  'get-credentials-per-second': 'getCredentialsPerSecond',
  'partial-failure-share': 'partialFailureShare',
} as const satisfies Record<string, keyof AwsQuotas>;

/** Usage text. */
export const USAGE = `pnpm simulate [options]
  --entrants N                     entrants who submit (default ${DEFAULTS.entrants})
  --minutes M                      arrival window: the spot and its replay (default ${DEFAULTS.minutes})
  --window-ms MS                   the same in ms (the burst scenario's 20000)
  --streams S                      Firehose delivery streams (default ${DEFAULTS.streams})
  --regions R                      Cognito identity pools, one per region (default ${DEFAULTS.regions})
  --seed N                         random seed (default ${DEFAULTS.seed}); same seed, same result
  --scenario broadcast|burst       a TV spot's audience, or pnpm demo:burst's starved burst (default broadcast)
  --typing-ms MIN,MAX              typing time uniform in [MIN, MAX] ms instead of the scenario's
  --requests-per-second N          Firehose calls/s per stream (AWS default 2000)
  --records-per-second N           Firehose records/s per stream (500000)
  --bytes-per-second N             Firehose bytes/s per stream (5 MiB)
  --get-id-per-second N            Cognito GetId/s per region (25)
  --get-credentials-per-second N   Cognito GetCredentialsForIdentity/s per region (200)
  --partial-failure-share F        records failed when a stream is at its quota (0.2)
  --retry-max-ms MS                the SDK's longest backoff wait (its default 20000)
  --runs N                         N runs with seeds seed…seed+N-1, printed as a JSON array of reports
  --json                           one JSON object on stdout
  --chart PATH|none                SVG chart (default ${DEFAULT_CHART}; none with --json unless given)
  --perf                           add wall time and peak memory
  --sweep                          run the capacity sweep (Markdown) instead`;

function number(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} must be a non-negative number, got ${value}`);
  return parsed;
}

/** Parses `argv` (without node and script). Throws with a message naming the bad option. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      entrants: { type: 'string' },
      minutes: { type: 'string' },
      'window-ms': { type: 'string' },
      streams: { type: 'string' },
      regions: { type: 'string' },
      seed: { type: 'string' },
      'typing-ms': { type: 'string' },
      scenario: { type: 'string' },
      json: { type: 'boolean' },
      chart: { type: 'string' },
      perf: { type: 'boolean' },
      sweep: { type: 'boolean' },
      'retry-max-ms': { type: 'string' },
      runs: { type: 'string' },
      ...Object.fromEntries(Object.keys(QUOTA_FLAGS).map((flag) => [flag, { type: 'string' as const }])),
    },
    strict: true,
  });
  const scenario = (values.scenario ?? 'broadcast') as string;
  if (!(scenario in SCENARIOS)) throw new Error(`--scenario must be one of ${Object.keys(SCENARIOS).join(', ')}`);
  const quotas: Partial<Record<(typeof QUOTA_FLAGS)[keyof typeof QUOTA_FLAGS], number>> = {};
  for (const [flag, key] of Object.entries(QUOTA_FLAGS)) {
    const value = (values as Record<string, string | boolean | undefined>)[flag];
    if (typeof value === 'string') quotas[key] = number(flag, value, 0);
  }
  const windowMs =
    values['window-ms'] !== undefined
      ? number('window-ms', values['window-ms'], 0)
      : number('minutes', values.minutes, DEFAULTS.minutes) * 60_000;
  let typingMs: [number, number] | undefined;
  if (values['typing-ms'] !== undefined) {
    const [min, max] = values['typing-ms'].split(',').map((part) => number('typing-ms', part, 0));
    if (min === undefined || max === undefined || max < min) throw new Error('--typing-ms must be MIN,MAX');
    typingMs = [min, max];
  }
  const json = values.json ?? false;
  const chart = values.chart ?? (json ? undefined : DEFAULT_CHART);
  return {
    simulation: {
      scenario: scenario as ScenarioName,
      entrants: Math.floor(number('entrants', values.entrants, DEFAULTS.entrants)),
      windowMs,
      streams: Math.max(1, Math.floor(number('streams', values.streams, DEFAULTS.streams))),
      regions: Math.max(1, Math.floor(number('regions', values.regions, DEFAULTS.regions))),
      quotas,
      seed: Math.floor(number('seed', values.seed, DEFAULTS.seed)),
      typingMs,
      retry:
        values['retry-max-ms'] === undefined
          ? undefined
          : { maxDelayMs: number('retry-max-ms', values['retry-max-ms'], 0) },
    },
    json,
    chart: chart === 'none' ? undefined : chart,
    perf: values.perf ?? false,
    sweep: values.sweep ?? false,
    runs: Math.max(1, Math.floor(number('runs', values.runs, 1))),
  };
}
