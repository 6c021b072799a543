// Browser tests: every `*.browser.test.ts` in the workspace, in each installed engine (BROWSERS narrows the set).
// The real AWS SDK v3 runs in these pages against the emulator behind msw (see scripts/dev-server-options.mjs).
import { createLaunchers, missingBrowsersMessage, selectEngines } from './scripts/browsers.mjs';
import { devServerOptions } from './scripts/dev-server-options.mjs';

const engines = selectEngines();
const missing = engines.filter((engine) => !engine.path);
if (missing.length > 0) {
  console.error(missingBrowsersMessage(missing));
  process.exit(1);
}

export default {
  ...devServerOptions,
  files: ['packages/*/src/**/*.browser.test.ts', 'packages/*/test/**/*.browser.test.ts'],
  browsers: await createLaunchers(engines),
  concurrency: 1,
  concurrentBrowsers: 3,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
};
