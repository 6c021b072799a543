// Runs the browser tests with @web/test-runner (see web-test-runner.config.mjs), one engine after another: three
// engines in one runner ended several times with exit 1 and no message on this 2-core machine while each engine on its
// own passed, so each gets a runner of its own. `BROWSERS=chromium,firefox` narrows the set; extra arguments go to
// wtr, e.g. `pnpm test:browser --files packages/sdk/src/**/*.browser.test.ts`.
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const engines = (process.env.BROWSERS ?? 'chromium,firefox,webkit')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
let failed = 0;
for (const engine of engines) {
  console.log(`\n── ${engine} ──`);
  const result = spawnSync(
    process.execPath,
    [
      `${root}node_modules/@web/test-runner/dist/bin.js`,
      '--config',
      `${root}web-test-runner.config.mjs`,
      '--static-logging',
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', cwd: root, env: { ...process.env, BROWSERS: engine } },
  );
  // A runner ended by a signal (another process killing it) says so, instead of failing without a word.
  if (result.signal) console.error(`@web/test-runner (${engine}) was stopped by ${result.signal}`);
  if (result.status !== 0) {
    console.error(`── ${engine}: FAILED (exit ${result.status ?? result.signal}) ──`);
    failed += 1;
  }
}
process.exit(failed === 0 ? 0 : 1);
