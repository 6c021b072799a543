// `pnpm demo:burst [--entrants N] [--pools N] [--url URL] [--window-ms MS] [--typing-ms MIN,MAX] [--json]`: a halftime
// burst against the running demo. `--pools N` spreads new devices over identity pools in N regions (GetId's quota is
// per region): e.g. `--entrants 300 --pools 4 --window-ms 0 --typing-ms 0 --get-id-per-second 25`.
import { parseArgs } from 'node:util';
import { type BurstReport, runBurst } from './burst-run.js';
import { localDemoUrl } from './demo-url.js';

const { values } = parseArgs({
  options: {
    entrants: { type: 'string' },
    url: { type: 'string' },
    'window-ms': { type: 'string' },
    'requests-per-second': { type: 'string' },
    'get-id-per-second': { type: 'string' },
    pools: { type: 'string' },
    'typing-ms': { type: 'string' },
    json: { type: 'boolean' },
  },
});
const url = localDemoUrl('demo:burst', values.url);
const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
/** `--typing-ms 0` or `--typing-ms 3000,10000`. */
const typingRange = (value: string): [number, number] => {
  const [min = 0, max = min] = value.split(',').map(Number);
  return [min, max];
};

function print(report: BurstReport): void {
  const rows: [string, string][] = [
    ['entrants', String(report.entrants)],
    [
      'acknowledged',
      `${report.acknowledged} (${report.receipts.delivered} "You're in" within 3 s, ${report.receipts.queued} "saved, sending…" first)`,
    ],
    ['lost', String(report.lost)],
    ['duplicates (same entryId)', String(report.duplicates)],
    ['SDK retries', String(report.retries)],
    ['Firehose throttled calls', String(report.throttledCalls)],
    ['Cognito throttles', String(report.cognitoThrottles)],
    [
      'time to acknowledge',
      `p50 ${report.timeToAcknowledge.p50} ms · p95 ${report.timeToAcknowledge.p95} ms · p99 ${report.timeToAcknowledge.p99} ms · max ${report.timeToAcknowledge.max} ms`,
    ],
    [
      'quotas during the burst',
      `${report.quotas.requestsPerSecond} req/s per stream × ${report.quotas.streams} streams, GetId ${report.quotas.getIdPerSecond}/s per region`,
    ],
    ['identity pools (regions)', String(report.pools)],
    ['new identities (GetId)', `${report.getId.identities}, ${report.getId.perSecond}/s until all were served`],
    [
      'time to first delivery',
      `p50 ${report.timeToFirstDelivery.p50} ms · p95 ${report.timeToFirstDelivery.p95} ms · max ${report.timeToFirstDelivery.max} ms (from opening the page)`,
    ],
    ['all devices served', `${(report.allServedMs / 1000).toFixed(1)} s`],
    ['duration', `${(report.durationMs / 1000).toFixed(1)} s`],
  ];
  for (const [label, value] of rows) console.log(`  ${label.padEnd(26)} ${value}`);
}

try {
  const entrants = number(values.entrants) ?? 2000;
  if (!values.json) console.log(`Halftime burst: ${entrants} entrants against ${url} …`);
  const report = await runBurst({
    url,
    entrants,
    ...(values['window-ms'] ? { arrivalWindowMs: Number(values['window-ms']) } : {}),
    ...(values['requests-per-second'] ? { requestsPerSecond: Number(values['requests-per-second']) } : {}),
    ...(values['get-id-per-second'] ? { getIdPerSecond: Number(values['get-id-per-second']) } : {}),
    ...(values.pools ? { pools: Number(values.pools) } : {}),
    ...(values['typing-ms'] ? { typingMs: typingRange(values['typing-ms']) } : {}),
    log: values.json ? () => {} : (line) => console.log(line),
  });
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else print(report);
  process.exitCode = report.lost === 0 ? 0 : 1;
} catch (error) {
  const message = (error as Error).message;
  console.error(
    /fetch failed|ECONNREFUSED/u.test(message) || /ECONNREFUSED/u.test(String((error as Error).cause))
      ? `No demo at ${url}: start it with pnpm demo first.`
      : message,
  );
  process.exitCode = 1;
}
