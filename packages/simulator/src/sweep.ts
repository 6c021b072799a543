// The capacity sweep behind CAPACITY.md: streams × identity regions × quota increases → p99 time to "You're in" and
// stranded entries. Cells run at a fiftieth of the entrants with a fiftieth of every quota (same load per unit of
// quota, same people and network, same timing), which keeps the sweep to minutes; the recommended configuration is
// then checked at full scale.
import type { AwsQuotas } from './aws/quotas.js';
import { DEFAULT_AWS_QUOTAS } from './aws/quotas.js';
import { duration } from './report/summary.js';
import { runSimulation } from './simulate.js';
import type { SimulationOptions } from './simulation-options.js';

/** Quota levels tried: AWS's defaults, then Cognito increases. */
export const QUOTA_LEVELS: readonly { readonly label: string; readonly quotas: Partial<AwsQuotas> }[] = [
  { label: 'defaults (GetId 25/s, credentials 200/s)', quotas: {} },
  { label: 'GetId + credentials 1,000/s', quotas: { getIdPerSecond: 1_000, getCredentialsPerSecond: 1_000 } },
  { label: 'GetId + credentials 5,000/s', quotas: { getIdPerSecond: 5_000, getCredentialsPerSecond: 5_000 } },
];
/** Entrants and quotas are divided by this in each cell. */
export const SWEEP_SCALE = 50;
/** Stream counts tried. */
export const SWEEP_STREAMS = [1, 4] as const;
/** Identity region counts tried. */
export const SWEEP_REGIONS = [1, 3] as const;

/** Runs the sweep for `base` (its entrants and window are the full-scale ones) and returns a Markdown table. */
export async function runSweep(base: SimulationOptions, log: (line: string) => void): Promise<string> {
  const scale = SWEEP_SCALE;
  const rows = [
    `| Streams | Regions | Cognito quotas per region | p50 | p99 to "You're in" | within 1 min | Stranded | Firehose throttles | Cognito throttles |`,
    '| ------- | ------- | ------------------------- | --- | ------------------ | ------------ | -------- | ------------------ | ----------------- |',
  ];
  for (const level of QUOTA_LEVELS) {
    for (const regions of SWEEP_REGIONS) {
      for (const streams of SWEEP_STREAMS) {
        const full = { ...DEFAULT_AWS_QUOTAS, ...level.quotas };
        const scaled: Partial<AwsQuotas> = {
          firehoseRequestsPerSecond: full.firehoseRequestsPerSecond / scale,
          firehoseRecordsPerSecond: full.firehoseRecordsPerSecond / scale,
          firehoseBytesPerSecond: full.firehoseBytesPerSecond / scale,
          getIdPerSecond: full.getIdPerSecond / scale,
          getCredentialsPerSecond: full.getCredentialsPerSecond / scale,
        };
        const { report } = await runSimulation({
          ...base,
          entrants: Math.round(base.entrants / scale),
          streams,
          regions,
          quotas: { ...base.quotas, ...scaled },
        });
        const cells = [
          streams,
          regions,
          level.label,
          duration(report.ackMs.p50),
          duration(report.ackMs.p99),
          `${((100 * report.acknowledgedWithin60s) / report.entrants).toFixed(1)} %`,
          `${((100 * report.stranded) / report.entrants).toFixed(1)} %`,
          (report.throttles.firehoseCalls * scale).toLocaleString('en-US'),
          ((report.throttles.getId + report.throttles.getCredentials) * scale).toLocaleString('en-US'),
        ];
        rows.push(`| ${cells.join(' | ')} |`);
        log(rows.at(-1) as string);
      }
    }
  }
  return rows.join('\n');
}
