// The readable summary `pnpm simulate` prints without --json.
import { count, duration, pct } from './format.js';
import type { SimulationReport } from './report.js';

// sweep.ts reads durations from here, as the summary writes them.
export { duration };

/** Formats a report as aligned lines. */
export function formatSummary(report: SimulationReport): string {
  const q = report.quotas;
  const rows: [string, string][] = [
    [
      'world',
      `${report.scenario}: ${count(report.entrants)} entrants in ${report.minutes} min, ${report.streams} streams, ${report.regions} identity region(s), seed ${report.seed}`,
    ],
    [
      'quotas',
      `Firehose ${count(q.firehoseRequestsPerSecond)} req/s per stream · GetId ${count(q.getIdPerSecond)}/s · GetCredentials ${count(q.getCredentialsPerSecond)}/s per region`,
    ],
    ['acknowledged', `${count(report.acknowledged)} (${pct(report.acknowledged, report.entrants)})`],
    ['"You\'re in" within 3 s', `${count(report.youreInWithin3s)} (${pct(report.youreInWithin3s, report.entrants)})`],
    [
      'acknowledged within 1 min',
      `${count(report.acknowledgedWithin60s)} (${pct(report.acknowledgedWithin60s, report.entrants)})`,
    ],
    ['lost (must be 0)', count(report.lost)],
    [
      'stranded on phones',
      `${count(report.stranded)} (${pct(report.stranded, report.entrants)}; ${count(report.strandedButReceived)} of them AWS did receive)`,
    ],
    ['duplicates (same entryId)', count(report.duplicates)],
    [
      'time to acknowledge',
      `p50 ${duration(report.ackMs.p50)} · p95 ${duration(report.ackMs.p95)} · p99 ${duration(report.ackMs.p99)} · max ${duration(report.ackMs.max)}`,
    ],
    [
      'throttles',
      `Firehose ${count(report.throttles.firehoseCalls)} calls + ${count(report.throttles.firehoseRecords)} records · GetId ${count(report.throttles.getId)} · GetCredentials ${count(report.throttles.getCredentials)}`,
    ],
    ['SDK retries', count(report.retries)],
    [
      'AWS requests',
      `GetId ${count(report.awsRequests.getId)} · GetCredentials ${count(report.awsRequests.getCredentials)} · PutRecordBatch ${count(report.awsRequests.putRecordBatch)}`,
    ],
    ['owners who came back', count(report.returns)],
    ['simulated time', duration(report.simulatedMinutes * 60_000)],
    ['cost (cost model)', `USD ${report.cost.usd.toFixed(2)} for ${count(report.cost.entries)} entries received`],
  ];
  return rows.map(([label, value]) => `  ${label.padEnd(30)} ${value}`).join('\n');
}
