// `pnpm bench`: bundle sizes, time to an interactive form on an emulated phone, round trips per submit, backlog drain
// and the halftime burst. Prints a table, writes bench/results.json and bench/REPORT.md.
// Options: --quick (fewer runs and entries, for a smoke run), --drain-entries N, --burst-entrants N, --runs N,
// --only sizes,page,drain,burst (measure just those; the others keep what bench/results.json holds, with their dates).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBurst } from '@campaign-entry/demo/burst';
import { startDemo } from '@campaign-entry/demo/server';
import { kb } from '../../scripts/bundle-size.mjs';
import { type DrainResult, measureDrain } from './drain.js';
import { measurePageLoad, PHONE } from './page-load.js';
import { mergeResults, parseOnly, type Section } from './sections.js';
import { measureFiles } from './sizes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    'drain-entries': { type: 'string' },
    'burst-entrants': { type: 'string' },
    runs: { type: 'string' },
    only: { type: 'string' },
  },
});
const only = parseOnly(values.only);
const measuring = (section: Section) => only.includes(section);
const resultsPath = join(root, 'bench/results.json');
// What an earlier run measured: the sections this run skips keep it.
// biome-ignore lint/suspicious/noExplicitAny: the file's shape is this script's own output, read back as it was written
type Results = any;
const previous: Results | undefined = existsSync(resultsPath)
  ? JSON.parse(readFileSync(resultsPath, 'utf8'))
  : undefined;
if (only.length < 4 && previous === undefined) throw new Error('--only needs an earlier bench/results.json to keep');
const quick = values.quick === true;
const drainEntries = Number(values['drain-entries'] ?? (quick ? 500 : 10_000));
const burstEntrants = Number(values['burst-entrants'] ?? (quick ? 300 : 2000));
const runs = Number(values.runs ?? (quick ? 2 : 5));

function step(label: string) {
  console.log(`… ${label}`);
}

// The burst runs the SDK from source; sizes, the page and the drain measure the built widget.
if (only.some((section) => section !== 'burst')) {
  step('building');
  const build = spawnSync('pnpm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let sizes: ReturnType<typeof measureFiles> = previous?.sizes;
let budget: unknown = previous?.budget;
if (measuring('sizes')) {
  step('bundle sizes');
  sizes = measureFiles(join(root, 'packages/widget/dist'));
  const budgets = spawnSync(process.execPath, [join(root, 'packages/widget/scripts/sizes.mjs'), '--json'], {
    cwd: root,
    encoding: 'utf8',
  });
  budget =
    budgets.status === null || budgets.stdout.trim() === '' ? undefined : (JSON.parse(budgets.stdout) as unknown);
}

let page: Awaited<ReturnType<typeof measurePageLoad>> = previous?.page;
if (measuring('page')) {
  step(`page load and submit on an emulated phone (${runs} runs)`);
  page = await measurePageLoad(runs);
}

let drain: DrainResult[] = previous?.drain;
if (measuring('drain')) {
  step(`backlog drain (${drainEntries} stored entries, 0 % and 20 % per-record failures)`);
  drain = await measureDrain(drainEntries, [0, 0.2]);
}

let burst: Awaited<ReturnType<typeof runBurst>> = previous?.burst;
if (measuring('burst')) {
  step(`halftime burst (${burstEntrants} entrants)`);
  const dataDir = await mkdtemp(join(tmpdir(), 'campaign-bench-'));
  const demo = await startDemo({ port: 0, dataDir, buffering: { intervalMs: 2000 } });
  try {
    burst = await runBurst({ url: demo.url, entrants: burstEntrants });
  } finally {
    await demo.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const chromiumVersion = (() => {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
})();
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  os: `${process.platform} ${release()}`,
  node: process.version,
  chromium: chromiumVersion,
  date: new Date().toISOString(),
};
const results = mergeResults({ machine, quick, sizes, budget, phone: PHONE, page, drain, burst }, previous, only, {
  sizes: ['sizes', 'budget'],
  page: ['phone', 'page'],
  drain: ['drain'],
  burst: ['burst'],
});
writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);

const measured =
  (budget as { measured?: Record<string, number>; budgets?: Record<string, number>; over?: string[] } | undefined) ??
  {};
const budgetLine =
  measured.measured && measured.budgets
    ? `Budgets (gzip): critical path ${kb(measured.measured.critical ?? 0)} of ${kb(measured.budgets.critical ?? 0)}, AWS chunk ${kb(measured.measured.aws ?? 0)} of ${kb(measured.budgets.aws ?? 0)}, everything an English entrant downloads ${kb(measured.measured.total ?? 0)} of ${kb(measured.budgets.total ?? 0)} — ${measured.over?.length ? `OVER: ${measured.over.join(', ')}` : 'all within'}.`
    : 'Budgets: packages/widget/scripts/sizes.mjs not available.';
/** Whether the process-hosted drain met the kiosk targets (≥ 5,000 records/s clean, ≥ 2,500 with 20 % failures). */
function drainTargetLine(runs: readonly DrainResult[]): string {
  const targets = [
    { rate: 0, recordsPerSecond: 5000 },
    { rate: 0.2, recordsPerSecond: 2500 },
  ];
  const parts = targets.map(({ rate, recordsPerSecond }) => {
    const run = runs.find((candidate) => candidate.host === 'process' && candidate.recordFailureRate === rate);
    if (!run) return `${rate * 100} % failures: not measured`;
    const verdict = run.recordsPerSecond >= recordsPerSecond ? 'met' : 'NOT met';
    return `${rate * 100} % failures ${run.recordsPerSecond} against ≥ ${recordsPerSecond} records/s, ${verdict}`;
  });
  return `Kiosk drain targets (process host): ${parts.join('; ')}.`;
}

const lines = [
  '# Benchmark report',
  '',
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, ${machine.chromium}. ${machine.date}.${quick ? ' (quick run)' : ''}`,
  '',
  `Measured: ${Object.entries(results.measuredAt)
    .map(([section, date]) => `${section} ${date}`)
    .join(', ')}.`,
  '',
  '## Bundle sizes (packages/widget/dist; 1 KB = 1,000 B)',
  '',
  '| file | raw | gzip | brotli |',
  '| --- | ---: | ---: | ---: |',
  ...sizes.map((size) => `| ${size.file} | ${kb(size.raw)} | ${kb(size.gzip)} | ${kb(size.brotli)} |`),
  '',
  budgetLine,
  '',
  `## The page on an emulated phone (${PHONE.cpuSlowdown}× CPU, ${PHONE.downloadKbps} kbps down, ${PHONE.latencyMs} ms RTT; median of ${page.runs})`,
  '',
  `- Form interactive: **${page.interactiveColdMs} ms** first visit, ${page.interactiveWarmMs} ms with the cache warm; ${kb(page.bytesBeforeInteractive)} over the wire before it.`,
  `- Tap on Submit → "You're in" with credentials prefetched: **${page.submitToDeliveredMs} ms**, ${page.submitRequests.total} requests to AWS (${page.submitRequests.putRecordBatch} PutRecordBatch, ${page.submitRequests.preflight} CORS preflight).`,
  '',
  '## Backlog drain (Chromium, the real AWS SDK against the emulator at 0 ms)',
  '',
  'Emulator host: `process` is its own HTTP server on 127.0.0.1 (as AWS would be, the figure the kiosk targets are set',
  'on); `page` is the same emulator inside the page behind msw, sharing the main thread with the SDK.',
  '',
  '| emulator host | stored entries | per-record failures | drain time | records/s | PutRecordBatch calls | acknowledged (unique) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...drain.map(
    (run) =>
      `| ${run.host} | ${run.entries} | ${run.recordFailureRate * 100} % | ${(run.drainMs / 1000).toFixed(1)} s | ${run.recordsPerSecond} | ${run.putRecordBatchCalls} | ${run.acknowledgedUnique} |`,
  ),
  '',
  drainTargetLine(drain),
  '',
  `## Halftime burst (${burst.entrants} entrants through the SDK in Node, ${burst.quotas.requestsPerSecond} req/s per stream × ${burst.quotas.streams}, GetId ${burst.quotas.getIdPerSecond}/s)`,
  '',
  `- Acknowledged ${burst.acknowledged}, **lost ${burst.lost}**, duplicates ${burst.duplicates}; ${burst.receipts.delivered} saw "You're in" within 3 s, ${burst.receipts.queued} "saved, sending…" first.`,
  `- Retries ${burst.retries}, throttled calls ${burst.throttledCalls}, Cognito throttles ${burst.cognitoThrottles}.`,
  `- Time to acknowledge: p50 ${burst.timeToAcknowledge.p50} ms, p95 ${burst.timeToAcknowledge.p95} ms, p99 ${burst.timeToAcknowledge.p99} ms (max ${burst.timeToAcknowledge.max} ms).`,
  '',
];
writeFileSync(join(root, 'bench/REPORT.md'), lines.join('\n'));
// In the repository's Markdown format (aligned tables), so `pnpm lint` passes on a fresh report.
spawnSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', 'bench/REPORT.md'], {
  cwd: root,
  stdio: 'ignore',
});
console.log(`\n${lines.slice(2).join('\n')}\nWritten: bench/results.json, bench/REPORT.md`);
process.exitCode = burst.lost === 0 && drain.every((run) => run.acknowledgedUnique === run.entries) ? 0 : 1;
