// The scratch app's page, built as a front-end team would with each bundler's defaults: Vite (`vite build`, no config)
// and esbuild (only what code splitting needs: `--bundle --splitting --format=esm`, plus `--minify`). Both builds get
// the same page: the README's `src/main.ts` and a <campaign-entry> pointed at the emulator.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The builds: where each is written, the URL path it is served at, and its delivery stream (one per page). */
export const BUILDS = {
  vite: { dir: 'dist', base: '/', stream: 'entries-vite' },
  esbuild: { dir: 'dist-esbuild', base: '/esbuild/', stream: 'entries-esbuild' },
};

/** The page's HTML with `script` as its module script. */
function page(script, { endpoint, stream }) {
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
  const { dir, base, stream } = BUILDS.esbuild;
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
  const html = page(`${base}main.js`, { endpoint, stream });
  mkdirSync(join(app, dir), { recursive: true });
  writeFileSync(join(app, dir, 'index.html'), html);
  return html;
}
