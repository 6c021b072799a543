// What a built page downloads, in gzip bytes as every budget here counts them (scripts/bundle-size.mjs): the first load
// (the HTML's module scripts and modulepreload links, and everything they import statically) and, when the page was
// used, everything it fetched through a submit. Read from the built files and the browser's requests, not file names.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { importsOf, measure } from '../../../scripts/bundle-size.mjs';

/** Budgets for an app's bundler with its defaults, in gzip bytes: the script tag's plus 1 KB for the bundler's runtime. */
export const CONSUMER_BUDGETS = { firstLoad: 13_000, total: 64_000 };

/** The files under `dir`, recursively, relative to it. */
function filesUnder(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

/**
 * @param {object} page
 * @param {string} page.dir the build's output folder
 * @param {string} page.base the URL path it is served at (`/`, `/esbuild/`)
 * @param {string} page.html the page's HTML
 * @param {string[] | undefined} page.fetched URL paths of the scripts the page fetched through a submit, if it ran
 * @param {Partial<typeof CONSUMER_BUDGETS>} page.budgets what is checked
 */
export function pageSizes({ dir, base, html, fetched, budgets }) {
  const files = new Map();
  for (const file of filesUnder(dir).filter((name) => name.endsWith('.js'))) {
    const code = readFileSync(join(dir, file));
    const url = posix.join(base, file.split('\\').join('/'));
    const imports = importsOf(code.toString('utf8')).static.map((specifier) =>
      posix.join(posix.dirname(url), specifier),
    );
    files.set(url, { ...measure(code), imports });
  }
  const entries = [
    ...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="([^"]+)"/gu),
  ].map((match) => posix.join('/', match[1]));
  const firstLoad = new Set();
  for (const todo = [...entries]; todo.length > 0; ) {
    const url = todo.pop();
    if (firstLoad.has(url) || !files.has(url)) continue;
    firstLoad.add(url);
    todo.push(...files.get(url).imports);
  }
  if (firstLoad.size === 0) throw new Error(`no script of ${dir} is loaded by its page`);
  const loaded = new Set((fetched ?? []).filter((url) => files.has(url)));
  const sum = (set) => [...set].reduce((total, url) => total + files.get(url).gzip, 0);
  const rows = [...files]
    .map(([url, { raw, gzip, brotli }]) => ({
      file: url.slice(base.length),
      raw,
      gzip,
      brotli,
      loads: firstLoad.has(url) ? 'first load' : loaded.has(url) ? 'by the submit' : fetched ? 'not fetched' : 'lazily',
    }))
    .sort((a, b) => b.gzip - a.gzip);
  const measured = {
    firstLoad: sum(firstLoad),
    ...(fetched ? { total: sum(new Set([...firstLoad, ...loaded])) } : {}),
  };
  const over = Object.keys(budgets).filter((name) => measured[name] > budgets[name]);
  return { files: rows, measured, budgets, over };
}
