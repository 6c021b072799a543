// The scratch app's page, built as a front-end team would with each bundler's defaults: Vite (`vite build`, no config)
// and esbuild (only what code splitting needs: `--bundle --splitting --format=esm`, plus `--minify`). Both builds get
// the same page: the README's `src/main.ts` and a <campaign-entry> pointed at the emulator.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { CONSUMER_BUDGETS } from './page-sizes.mjs';

const run = promisify(execFile);

/**
 * The builds: where each is written, the URL path it is served at, its budgets, and for the one an entrant submits on
 * in Chromium, its delivery stream.
 * - Vite: both budgets, measured from what the page fetched through a submit.
 * - esbuild: the first load, from the page's module script and its static imports. It splits code by the files an
 *   import reaches, not by what it uses, so the element's first chunk must import only the SDK's narrow entry points;
 *   this checks they suffice. Its total is not budgeted: esbuild's minifier re-minifies the prebuilt AWS chunk
 *   (`@campaign-entry/sdk/dist/send.js`) ~1.9 KB gz larger than terser and Vite do (65.3 KB gz on 2026-11-30).
 */
export const BUILDS = {
  vite: { dir: 'dist', base: '/', stream: 'entries-vite', budgets: CONSUMER_BUDGETS },
  esbuild: { dir: 'dist-esbuild', base: '/esbuild/', budgets: { firstLoad: CONSUMER_BUDGETS.firstLoad } },
};

/** The page's HTML with `script` as its module script. */
function page(script, { endpoint, stream = 'entries-0' }) {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Consumer app</title><script type="module" src="${script}"></script></head>
  <body>
    <campaign-entry region="us-east-1" identity-pool-id="us-east-1:00000000-0000-4000-8000-000000000000"
      delivery-stream="${stream}" campaign-id="consumer-${stream}" fields="name,email" rules-url="/rules"
      cognito-endpoint="${endpoint}" firehose-endpoint="${endpoint}"></campaign-entry>
  </body>
</html>
`;
}

/** `vite build` of `app`'s index.html; resolves with the built page's HTML. */
export async function buildWithVite(app, endpoint) {
  writeFileSync(join(app, 'index.html'), page('/src/main.ts', { endpoint, stream: BUILDS.vite.stream }));
  await run(process.execPath, [join(app, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: app,
  });
  return readFileSync(join(app, BUILDS.vite.dir, 'index.html'), 'utf8');
}

/** esbuild of `app`'s src/main.ts; resolves with the page's HTML (written beside the output). */
export async function buildWithEsbuild(app, endpoint) {
  const esbuild = await import(pathToFileURL(join(app, 'node_modules/esbuild/lib/main.js')).href);
  const { dir, base } = BUILDS.esbuild;
  await esbuild.build({
    absWorkingDir: app,
    entryPoints: { main: 'src/main.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    outdir: dir,
    logLevel: 'warning',
  });
  const html = page(`${base}main.js`, { endpoint });
  mkdirSync(join(app, dir), { recursive: true });
  writeFileSync(join(app, dir, 'index.html'), html);
  return html;
}
