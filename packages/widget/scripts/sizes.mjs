#!/usr/bin/env node
// Checks the script-tag bundle (dist/, from `pnpm --filter @campaign-entry/widget build`) against its size budgets,
// in gzip bytes as scripts/bundle-size.mjs counts them (level 9, 1 KB = 1,000 B):
// - critical: what loads before the form is interactive: campaign-entry.js and anything it imports statically;
// - aws: the chunk holding the AWS transport (the AWS SDK's Firehose client, the Cognito credential provider);
// - total: what an English-speaking entrant downloads for a full submit.
//
// Which files count is read from the build itself, not from file names: each file's imports (static and dynamic,
// parsed) give what is reachable from campaign-entry.js, and each file's source map says which modules it holds. The
// total is every reachable file except those holding only code an English entrant's submit never loads (NOT_LOADED):
// another locale's copy (src/strings/<locale>.ts, loaded only for that locale), the kiosk, the language switch
// (several locales), the panels shown only outside the entry window, the words for a misconfigured page, what only a
// refused submit shows (each problem's message, the error summary), the deletion of a backlog (a phone's submit
// deletes one entry). Everything else reachable counts, so a new lazy chunk counts until shown otherwise.
//
//   node packages/widget/scripts/sizes.mjs           table, exit 1 when a budget is exceeded
//   node packages/widget/scripts/sizes.mjs --json    the same as JSON (for the bench)
//   node packages/widget/scripts/sizes.mjs --report  table only, exit 0
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importsOf, kb, measure } from '../../../scripts/bundle-size.mjs';

/** Budgets in gzip bytes (scripts/bundle-size.mjs). */
export const BUDGETS = { critical: 12_000, aws: 52_000, total: 64_000 };

/** The file the page's script tag loads. */
export const ENTRY = 'campaign-entry.js';

// Modules that tell when a lazy file loads (for the table; counting does not depend on them).
const LOADS_WITH = [
  [/\/src\/form-controller\.ts$/u, 'after the first render'],
  [/\/sdk\/src\/(?:delivery-loop|adapters\/aws-transport)\.ts$/u, 'first focus or submit'],
];
// Modules an English entrant's full submit never loads.
const NOT_LOADED = [
  [/\/widget\/src\/strings\/(?!en\.ts$|locale\.ts$|strings\.ts$)[a-z]{2}\.ts$/u, 'only for that locale'],
  [/\/widget\/src\/kiosk\//u, 'only with the kiosk attribute (tablets)'],
  [/\/widget\/src\/language-switch\.ts$/u, 'only with several locales (the language switch)'],
  [/\/widget\/src\/(?:window-panel|strings\/en-window)\.ts$/u, 'only before opens-at or after closes-at'],
  [/\/widget\/src\/page-problems\.ts$/u, 'only on a misconfigured page'],
  [/\/widget\/src\/(?:refusal|error-summary|strings\/en-issues)\.ts$/u, 'only after a refused submit'],
  [/\/sdk\/src\/adapters\/indexeddb-bulk-delete\.ts$/u, 'only to delete 100+ entries at once (a backlog)'],
];

/** Imports of files in the same folder, by file name (the bundle is one flat folder). */
function siblings(imports) {
  const name = (specifier) => specifier.replace(/^\.\//u, '');
  return { static: imports.static.map(name), dynamic: imports.dynamic.map(name) };
}

/**
 * Measures the bundle in `dir` and sorts its files into the budgets.
 * @param {string} dir the widget's `dist/`
 */
export function bundleSizes(dir) {
  const files = new Map();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.js'))) {
    const code = readFileSync(join(dir, file));
    const mapFile = join(dir, `${file}.map`);
    const map = existsSync(mapFile) ? JSON.parse(readFileSync(mapFile, 'utf8')) : { sources: [] };
    const sources = map.sources.map((source) => resolve(dir, map.sourceRoot ?? '', source));
    const labelled = (rules) => rules.find(([pattern]) => sources.some((source) => pattern.test(source)))?.[1];
    const notLoaded = NOT_LOADED.find(([pattern]) => sources.length > 0 && sources.every((s) => pattern.test(s)));
    files.set(file, {
      file,
      ...measure(code),
      imports: siblings(importsOf(code.toString('utf8'))),
      aws: sources.some((source) => /\/sdk\/src\/adapters\/aws-transport\.ts$/u.test(source)),
      notLoaded: notLoaded?.[1],
      loadsWith: labelled(LOADS_WITH),
    });
  }
  if (!files.has(ENTRY)) throw new Error(`${join(dir, ENTRY)} is missing: build the widget first`);

  const closure = (start, follow) => {
    const seen = new Set();
    const todo = [start];
    while (todo.length > 0) {
      const file = todo.pop();
      if (seen.has(file) || !files.has(file)) continue;
      seen.add(file);
      todo.push(...follow(files.get(file)));
    }
    return seen;
  };
  const critical = closure(ENTRY, (file) => file.imports.static);
  // Files an English entrant loads: reachable from the entry, not through a file it never loads.
  const loaded = closure(ENTRY, (file) =>
    [...file.imports.static, ...file.imports.dynamic].filter((name) => !files.get(name)?.notLoaded),
  );

  const rows = [...files.values()].map((file) => ({
    file: file.file,
    raw: file.raw,
    gzip: file.gzip,
    brotli: file.brotli,
    loads: critical.has(file.file)
      ? 'at once (critical path)'
      : (file.notLoaded ?? (loaded.has(file.file) ? (file.loadsWith ?? 'lazily') : 'never (not imported)')),
    counted: loaded.has(file.file),
    aws: file.aws,
  }));
  const sum = (list) => list.reduce((total, row) => total + row.gzip, 0);
  const measured = {
    critical: sum(rows.filter((row) => critical.has(row.file))),
    aws: sum(rows.filter((row) => row.aws && row.counted)),
    total: sum(rows.filter((row) => row.counted)),
  };
  const over = Object.keys(BUDGETS).filter((name) => measured[name] > BUDGETS[name]);
  return { files: rows, measured, budgets: BUDGETS, over };
}

function printTable({ files, measured, budgets, over }) {
  console.log('file                                     raw        gzip      brotli  counted  loads');
  for (const row of [...files].sort((a, b) => Number(b.counted) - Number(a.counted) || b.gzip - a.gzip)) {
    console.log(
      `${row.file.padEnd(34)} ${kb(row.raw).padStart(11)} ${kb(row.gzip).padStart(10)} ${kb(row.brotli).padStart(10)}  ${(row.counted ? 'yes' : 'no').padEnd(7)}  ${row.loads}`,
    );
  }
  console.log('');
  for (const name of Object.keys(budgets)) {
    const verdict = over.includes(name) ? `OVER by ${kb(measured[name] - budgets[name])}` : 'ok';
    console.log(`${name.padEnd(9)} ${kb(measured[name]).padStart(10)} gz of ${kb(budgets[name])}  ${verdict}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL('../dist/', import.meta.url));
  const result = bundleSizes(dir);
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else printTable(result);
  if (result.over.length > 0 && !process.argv.includes('--report')) process.exitCode = 1;
}
