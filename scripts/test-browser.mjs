// Runs the browser tests in every installed engine with @web/test-runner (see web-test-runner.config.mjs).
// Extra arguments go to wtr, e.g. `pnpm test:browser --files packages/sdk/src/**/*.browser.test.ts`.
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const result = spawnSync(
  process.execPath,
  [
    `${root}node_modules/@web/test-runner/dist/bin.js`,
    '--config',
    `${root}web-test-runner.config.mjs`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', cwd: root },
);
// A runner ended by a signal (another process killing it) says so, instead of failing without a word.
if (result.signal) console.error(`@web/test-runner was stopped by ${result.signal}`);
process.exit(result.status ?? 1);
