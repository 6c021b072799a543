// Browser tests: every `*.browser.test.ts` in the workspace, in each installed engine (BROWSERS narrows the set).
// The real AWS SDK v3 runs in these pages: it needs the `browser` export condition, its package.json served as a
// module (mimeTypes + rollup json), and msw's service worker at the site root to stand in for AWS's endpoints.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import rollupJson from '@rollup/plugin-json';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { createLaunchers, missingBrowsersMessage, selectEngines } from './scripts/browsers.mjs';

const require = createRequire(new URL('./packages/emulator/package.json', import.meta.url));
const serviceWorkerPath = require.resolve('msw/mockServiceWorker.js');

const engines = selectEngines();
const missing = engines.filter((engine) => !engine.path);
if (missing.length > 0) {
  console.error(missingBrowsersMessage(missing));
  process.exit(1);
}

export default {
  files: ['packages/*/src/**/*.browser.test.ts', 'packages/*/test/**/*.browser.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['source', 'browser', 'module', 'import', 'default'] },
  rootDir: '.',
  mimeTypes: { '**/*.json': 'js' },
  plugins: [
    fromRollup(rollupJson)({ preferConst: true }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.base.json', import.meta.url).pathname }),
  ],
  middleware: [
    async function mockServiceWorker(context, next) {
      if (context.path === '/mockServiceWorker.js') {
        context.type = 'application/javascript';
        context.set('Service-Worker-Allowed', '/');
        context.body = await readFile(serviceWorkerPath, 'utf8');
        return undefined;
      }
      return next();
    },
  ],
  browsers: await createLaunchers(engines),
  concurrency: 1,
  concurrentBrowsers: 3,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
};
