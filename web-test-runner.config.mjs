// Browser tests: every `*.browser.test.ts` in the workspace, in each installed engine (BROWSERS narrows the set).
// The real AWS SDK v3 runs in these pages against the emulator behind msw (see scripts/dev-server-options.mjs).

import { writeSync } from 'node:fs';
import { defaultReporter } from '@web/test-runner';
import { emulatorPlugin } from './packages/e2e/wtr-emulator-plugin.mjs';
import { createLaunchers, missingBrowsersMessage, selectEngines } from './scripts/browsers.mjs';
import { devServerOptions } from './scripts/dev-server-options.mjs';
import { durationsReporter } from './scripts/wtr-durations-reporter.mjs';

const engines = selectEngines();
const missing = engines.filter((engine) => !engine.path);
if (missing.length > 0) {
  console.error(missingBrowsersMessage(missing));
  process.exit(1);
}

// On an uncaught exception wtr logs through its own console buffer, stops and exits 1 before the buffer is printed: the
// runner ends with no word of why. The monitor (it changes nothing about how the exception is handled) writes the
// error straight to stderr first.
process.on('uncaughtExceptionMonitor', (error, origin) => {
  const names = engines.map((engine) => engine.name).join(',');
  writeSync(2, `\n@web/test-runner (${names}) ${origin}: ${error instanceof Error ? error.stack : String(error)}\n`);
});

export default {
  ...devServerOptions,
  // The fault matrix (packages/e2e) drives a real emulator server per test file through this plugin's commands.
  plugins: [...devServerOptions.plugins, emulatorPlugin()],
  files: ['packages/*/src/**/*.browser.test.ts', 'packages/*/test/**/*.browser.test.ts'],
  browsers: await createLaunchers(engines),
  concurrency: 1,
  reporters: [defaultReporter(), durationsReporter({ top: 20 })],
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  // A fault-matrix file runs several scenarios of up to 90 s each; this is a ceiling, not a duration.
  testsFinishTimeout: 20 * 60_000,
  // A ceiling per test, not a duration: tests wait for what they assert, and the first test of a file on a loaded
  // 2-core machine running three engines can spend tens of seconds loading the unbundled AWS SDK.
  testFramework: { config: { timeout: 90_000 } },
};
