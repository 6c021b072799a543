// What the browser tests and the in-page benchmarks need from @web/dev-server: TypeScript through esbuild, our
// `source` export condition, the AWS SDK's browser build (its package.json served as a module), and msw's service
// worker at the site root so the emulator can stand in for AWS's endpoints.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import rollupJson from '@rollup/plugin-json';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';

const root = new URL('..', import.meta.url);
const require = createRequire(new URL('packages/emulator/package.json', root));
const serviceWorkerPath = require.resolve('msw/mockServiceWorker.js');

/** Options shared by web-test-runner.config.mjs and bench/. */
export const devServerOptions = {
  rootDir: new URL('.', root).pathname,
  nodeResolve: { browser: true, exportConditions: ['source', 'browser', 'module', 'import', 'default'] },
  mimeTypes: { '**/*.json': 'js' },
  plugins: [
    fromRollup(rollupJson)({ preferConst: true }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('tsconfig.base.json', root).pathname }),
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
};
