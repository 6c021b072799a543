// The readable summary `pnpm simulate` prints without --json.
import type { SimulationReport } from './report.js';

const n = (value: number) => value.toLocaleString('en-US');
const pct = (part: number, whole: number) => (whole === 0 ? '0 %' : `${((100 * part) / whole).toFixed(1)} %`);
/** Milliseconds as the largest sensible unit. */
export function duration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1_000).toFixed(1)} s`;
  if (ms < 7_200_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

/** Formats a report as aligned lines. */
export function formatSummary(report: SimulationReport): string {
  const q = report.quotas;
  const rows: [string, string][] = [
    [
      'world',
      `${report.scenario}: ${n(report.entrants)} entrants in ${report.minutes} min, ${report.streams} streams, ${report.regions} identity region(s), seed ${report.seed}`,
    ],
    [
      'quotas',
      `Firehose ${n(q.firehoseRequestsPerSecond)} req/s per stream · GetId ${n(q.getIdPerSecond)}/s · GetCredentials ${n(q.getCredentialsPerSecond)}/s per region`,
    ],
    ['acknowledged', `${n(report.acknowledged)} (${pct(report.acknowledged, report.entrants)})`],
    ['"You\'re in" within 3 s', `${n(report.youreInWithin3s)} (${pct(report.youreInWithin3s, report.entrants)})`],
    [
      'acknowledged within 1 min',
      `${n(report.acknowledgedWithin60s)} (${pct(report.acknowledgedWithin60s, report.entrants)})`,
    ],
    ['lost (must be 0)', n(report.lost)],
    [
      'stranded on phones',
      `${n(report.stranded)} (${pct(report.stranded, report.entrants)}; ${n(report.strandedButReceived)} of them AWS did receive)`,
    ],
    ['duplicates (same entryId)', n(report.duplicates)],
    [
      'time to acknowledge',
      `p50 ${duration(report.ackMs.p50)} · p95 ${duration(report.ackMs.p95)} · p99 ${duration(report.ackMs.p99)} · max ${duration(report.ackMs.max)}`,
    ],
    [
      'throttles',
      `Firehose ${n(report.throttles.firehoseCalls)} calls + ${n(report.throttles.firehoseRecords)} records · GetId ${n(report.throttles.getId)} · GetCredentials ${n(report.throttles.getCredentials)}`,
    ],
    ['SDK retries', n(report.retries)],
    [
      'AWS requests',
      `GetId ${n(report.awsRequests.getId)} · GetCredentials ${n(report.awsRequests.getCredentials)} · PutRecordBatch ${n(report.awsRequests.putRecordBatch)}`,
    ],
    ['owners who came back', n(report.returns)],
    ['simulated time', duration(report.simulatedMinutes * 60_000)],
    ['cost (cost model)', `USD ${report.cost.usd.toFixed(2)} for ${n(report.cost.entries)} entries received`],
  ];
  return rows.map(([label, value]) => `  ${label.padEnd(30)} ${value}`).join('\n');
}
