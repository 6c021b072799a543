// `pnpm test:chaos [--entries N]`: the fault matrix at scale. Rebuilds the emulator and the widget's script-tag bundle,
// runs the SDK's property tests with FUZZ_RUNS (default 10,000), then every e2e scenario in each engine with N entrants
// per engine spread over the scenarios, and prints per scenario and engine: entrants, delivered at once, saved then
// delivered, lost (must be 0) and duplicates before dedupe.
//
// Options: --entries N (default 200) · --fuzz-runs N (default 10000) · --no-build · --no-fuzz · --round-size N
// (phones open at once per scenario, default 20) · --only 'two tabs|offline' (scenarios whose names contain a part).
// BROWSERS=chromium,firefox,webkit narrows the engines.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('../../../', import.meta.url).pathname;
const here = new URL('../', import.meta.url).pathname;

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '200' },
    'fuzz-runs': { type: 'string', default: '10000' },
    'round-size': { type: 'string' },
    only: { type: 'string' },
    build: { type: 'boolean', default: true },
    fuzz: { type: 'boolean', default: true },
  },
  allowNegative: true,
  strict: true,
});
const entries = Number(values.entries);
if (!Number.isInteger(entries) || entries < 1) {
  console.error(`--entries must be a whole number ≥ 1, got ${values.entries}`);
  process.exit(2);
}

function step(label, command, args, env = {}) {
  console.log(`\n── ${label} ──`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`── ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${seconds} s ──`);
  return { ok: result.status === 0, seconds };
}

const failures = [];
if (values.build) {
  const built = step('build the emulator and the widget bundle', 'pnpm', [
    '--filter',
    '@campaign-entry/emulator',
    '--filter',
    '@campaign-entry/widget',
    'run',
    'build',
  ]);
  if (!built.ok) process.exit(1);
}

if (values.fuzz) {
  const fuzz = step(
    `SDK property tests, FUZZ_RUNS=${values['fuzz-runs']}`,
    process.execPath,
    ['scripts/test-node.mjs', 'packages/sdk/src/core/properties.test.ts'],
    { FUZZ_RUNS: values['fuzz-runs'] },
  );
  if (!fuzz.ok) failures.push('SDK property tests');
}

const reportDir = mkdtempSync(join(tmpdir(), 'campaign-entry-chaos-'));
const reportFile = join(reportDir, 'scenarios.jsonl');
const matrix = step(
  `fault matrix, ${entries} entrants per engine`,
  process.execPath,
  [join(root, 'node_modules/@web/test-runner/dist/bin.js'), '--config', join(here, 'web-test-runner.config.mjs')],
  {
    CHAOS_ENTRIES: String(entries),
    E2E_REPORT: reportFile,
    ...(values['round-size'] ? { E2E_ROUND_SIZE: values['round-size'] } : {}),
    ...(values.only ? { E2E_ONLY: values.only } : {}),
  },
);
if (!matrix.ok) failures.push('fault matrix');

const rows = existsSync(reportFile)
  ? readFileSync(reportFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
rmSync(reportDir, { recursive: true, force: true });

const columns = [
  ['scenario', (row) => row.scenario],
  ['engine', (row) => row.engine],
  ['entrants', (row) => row.entrants],
  ['delivered at once', (row) => row.deliveredAtOnce],
  ['saved, then delivered', (row) => row.savedThenDelivered],
  ['lost', (row) => row.lost],
  ['duplicates before dedupe', (row) => row.duplicates],
  ['time (s)', (row) => (row.durationMs / 1000).toFixed(1)],
];
const scenarios = [...new Set(rows.map((row) => row.scenario))];
const engines = [...new Set(rows.map((row) => row.engine))].sort();
const sorted = scenarios.flatMap((scenario) =>
  engines.flatMap((engine) => rows.filter((row) => row.scenario === scenario && row.engine === engine)),
);
const totals = engines.map((engine) => {
  const mine = rows.filter((row) => row.engine === engine);
  const sum = (key) => mine.reduce((total, row) => total + row[key], 0);
  return {
    scenario: 'TOTAL',
    engine,
    entrants: sum('entrants'),
    deliveredAtOnce: sum('deliveredAtOnce'),
    savedThenDelivered: sum('savedThenDelivered'),
    lost: sum('lost'),
    duplicates: sum('duplicates'),
    durationMs: sum('durationMs'),
  };
});
const table = [
  columns.map(([title]) => title),
  ...[...sorted, ...totals].map((row) => columns.map(([, get]) => String(get(row)))),
];
const widths = columns.map((_, index) => Math.max(...table.map((cells) => cells[index].length)));
const line = (cells) =>
  cells.map((cell, index) => (index < 2 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]))).join('  ');
console.log(`\n── summary: ${entries} entrants per engine ──`);
console.log(line(table[0]));
console.log(widths.map((width) => '─'.repeat(width)).join('  '));
for (const cells of table.slice(1)) console.log(line(cells));

const lost = rows.reduce((total, row) => total + row.lost, 0);
if (lost > 0) failures.push(`${lost} entries lost`);
if (rows.length === 0) failures.push('no scenario reported a summary');
if (failures.length > 0) {
  console.error(`\nchaos: FAILED (${failures.join(', ')})`);
  process.exit(1);
}
console.log('\nchaos: every entry arrived, none lost');
