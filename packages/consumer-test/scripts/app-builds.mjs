// The scratch app's pages, built as a front-end team would with each bundler's defaults: Vite (`vite build`, no
// config) and esbuild (only what code splitting needs: `--bundle --splitting --format=esm`, plus `--minify`). Each page
// is a <campaign-entry> pointed at the emulator and one module script.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { CONSUMER_BUDGETS } from './page-sizes.mjs';

const run = promisify(execFile);

/** The module script of the page that measures the package alone: what an app adds to load the element, nothing else. */
const PACKAGE_ONLY = "import '@campaign-entry/widget';\n";

/**
 * The builds: the page's script (a README example in the app, or the package alone), the budgets checked, and for the
 * page an entrant submits on in Chromium (served at `/`), its delivery stream. The others are measured as built.
 * - `vite`: the README's `src/main.ts` (the element and a listener); everything the submit fetched ≤ the total budget.
 * - `vite-package`: the package alone; its first load (the entry chunk and its static imports, Vite's own runtime
 *   included) ≤ the first-load budget, which is the script tag's plus 1 KB for that runtime: the app's own code is not
 *   the package's to pay for.
 * - `esbuild`: the README's page, figures shown, not budgeted. esbuild splits code by the files an import reaches, not
 *   by what it uses, so the element's first chunk imports the SDK's narrow entry points; still, it makes a chunk per
 *   set of importers, and its minifier re-minifies the prebuilt AWS chunk ~1.9 KB gz larger than terser and Vite do.
 */
export const BUILDS = {
  vite: { example: 'src/main.ts', stream: 'entries-vite', budgets: { total: CONSUMER_BUDGETS.total } },
  'vite-package': { example: undefined, budgets: { firstLoad: CONSUMER_BUDGETS.firstLoad } },
  esbuild: { example: 'src/main.ts', budgets: {} },
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

/** `vite build` of a page in `app` (its own Vite root, `vite/<name>/`); resolves with its output and HTML. */
export async function buildWithVite(app, name, endpoint) {
  const { example, stream } = BUILDS[name];
  const root = join(app, 'vite', name);
  mkdirSync(root, { recursive: true });
  // The root is a folder of the app: its imports resolve from the app's node_modules.
  writeFileSync(join(root, 'main.ts'), example ? readFileSync(join(app, example), 'utf8') : PACKAGE_ONLY);
  writeFileSync(join(root, 'index.html'), page('/main.ts', { endpoint, stream }));
  const vite = join(app, 'node_modules/vite/bin/vite.js');
  await run(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root });
  const dir = join(root, 'dist');
  return { dir, html: readFileSync(join(dir, 'index.html'), 'utf8') };
}

/** esbuild of the page's script; resolves with the output folder and the page's HTML (written beside the output). */
export async function buildWithEsbuild(app, endpoint) {
  const esbuild = await import(pathToFileURL(join(app, 'node_modules/esbuild/lib/main.js')).href);
  const dir = join(app, 'esbuild');
  await esbuild.build({
    absWorkingDir: app,
    entryPoints: { main: BUILDS.esbuild.example },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    outdir: dir,
    logLevel: 'warning',
  });
  const html = page('/main.js', { endpoint });
  writeFileSync(join(dir, 'index.html'), html);
  return { dir, html };
}
