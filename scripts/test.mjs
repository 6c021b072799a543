// `pnpm test`: everything CI checks, in order of speed — lint, types, build and size budgets, the consumer test (the
// packed packages in an app outside the workspace), Node tests, browser tests in three engines.
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const pnpmSteps = [
  ['lint', ['run', 'lint']],
  ['typecheck', ['run', 'typecheck']],
  ['build', ['run', 'build']],
  [
    'size budgets (critical ≤ 12 KB, AWS ≤ 52 KB, total ≤ 64 KB gz)',
    ['--filter', '@campaign-entry/widget', 'run', 'sizes'],
  ],
  [
    'consumer test (the packed packages in a fresh app: README examples typechecked, Vite and esbuild builds, a submit in Chromium, budgets, publint, attw)',
    ['--filter', '@campaign-entry/consumer-test', 'run', 'test'],
  ],
  ['node tests', ['run', 'test:node']],
  ['browser tests', ['run', 'test:browser']],
];

for (const [label, args] of pnpmSteps) {
  console.log(`\n── ${label} ──`);
  const started = Date.now();
  const result = spawnSync('pnpm', args, { stdio: 'inherit', cwd: root });
  console.log(
    `── ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ──`,
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
