// `pnpm demo:breaker [--url URL] [--flood-records N] [--json]`: the circuit breaker against the running demo (flood →
// pause → an entry saved on the device → resume → delivered). The flood's junk lands in errors/ like any refused record.
import { parseArgs } from 'node:util';
import { runBreakerDemo } from './breaker-run.js';
import { localDemoUrl } from './demo-url.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    'flood-records': { type: 'string' },
    'trip-at': { type: 'string' },
    json: { type: 'boolean' },
  },
});
const url = localDemoUrl('demo:breaker', values.url);
try {
  const report = await runBreakerDemo({
    url,
    ...(values['flood-records'] ? { floodRecords: Number(values['flood-records']) } : {}),
    ...(values['trip-at'] ? { tripAtRecords: Number(values['trip-at']) } : {}),
    log: values.json ? () => {} : (line) => console.log(`  ${line}`),
  });
  if (values.json) console.log(JSON.stringify(report, null, 2));
  process.exitCode = report.lost === 0 && report.delivered ? 0 : 1;
} catch (error) {
  console.error(`demo:breaker: ${(error as Error).message} (is \`pnpm demo\` running on ${url}?)`);
  process.exitCode = 1;
}
