#!/usr/bin/env node
// The consumer test (`pnpm test` runs it after the build): the three published packages as a front-end team gets them.
// 1. `pnpm pack` the SDK, the widget and the emulator; install the tarballs into a scratch app outside the workspace,
//    offline, with this package's pinned tools (TypeScript 7, Vite, esbuild, React, publint, attw) (scratch-app.mjs).
// 2. Write the README examples marked `<!-- consumer-test: <file> -->` into the app, exactly as printed, and typecheck
//    them with TypeScript 7 and the workspace's 5.x, under the compilers' defaults plus `strict` (readme-examples.mjs).
// 3. Build the app's pages with Vite's defaults and with esbuild's (app-builds.mjs), serve them from the packed
//    emulator's Node server on 127.0.0.1, submit an entry on the README's Vite page in Chromium, and check the
//    emulator received it and the README's listener heard it.
// 4. Measure the pages against the budgets (page-sizes.mjs): with Vite, the package's first load ≤ 13 KB gz and
//    everything an English submit fetched ≤ 64 KB gz; esbuild's figures are shown. Run publint and attw (ESM-only
//    profile) on the tarballs.
// Every problem is reported, not only the first.
//
//   node packages/consumer-test/scripts/consumer.mjs [--keep] [--write]
//   --keep leaves the scratch app for a look; --write stores the figures in packages/consumer-test/results.json
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { kb } from '../../../scripts/bundle-size.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATHS } from '../../../scripts/chromium.mjs';
import { BUILDS, buildWithEsbuild, buildWithVite } from './app-builds.mjs';
import { pageSizes } from './page-sizes.mjs';
import { typecheckExamples, writeExamples } from './readme-examples.mjs';
import { install, pack } from './scratch-app.mjs';
import { submitEntry } from './submit-entry.mjs';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const here = resolve(import.meta.dirname, '..');
const PACKAGES = ['sdk', 'widget', 'emulator'];
const started = Date.now();
const keep = process.argv.includes('--keep');

function step(label) {
  console.log(`… ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

for (const name of PACKAGES) {
  if (!existsSync(join(root, 'packages', name, 'dist'))) {
    console.error(`consumer test: packages/${name}/dist is missing: run \`pnpm build\``);
    process.exit(1);
  }
}
const work = mkdtempSync(join(tmpdir(), 'campaign-entry-consumer-'));
const app = join(work, 'app');
const problems = [];
const results = {};
let server;
try {
  // 1. Pack and install.
  step(`packing ${PACKAGES.join(', ')}`);
  const packed = await pack(root, PACKAGES, join(work, 'packs'));
  const tools = Object.keys(JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).devDependencies);
  const installed = await install({ app, packed, tools, toolsFrom: here });
  const versionOf = (name) => JSON.parse(readFileSync(join(installed.get(name), 'package.json'), 'utf8')).version;
  const toolVersions = tools.map((name) => `${name}@${versionOf(name)}`);
  step(`installed the tarballs into ${app} with ${toolVersions.join(', ')}`);

  // 2. The README examples, as printed, typechecked by both compilers while the pages build and run; the tarballs
  // linted alongside (a child process: this one serves the emulator). Each in a process of its own, all at once.
  const examples = writeExamples(
    app,
    packed.map(({ name }) => name),
  );
  const workspaceTs = join(root, 'node_modules/typescript');
  const compilers = [
    { label: `TypeScript ${versionOf('typescript')}`, tsc: join(installed.get('typescript'), 'bin/tsc') },
    {
      label: `TypeScript ${JSON.parse(readFileSync(join(workspaceTs, 'package.json'), 'utf8')).version}`,
      tsc: join(workspaceTs, 'bin/tsc'),
      skipLibCheck: true,
    },
  ];
  step(`typechecking ${examples.length} README examples (${examples.join('; ')}); publint and attw`);
  const checks = Promise.all([
    ...compilers.map((compiler) => typecheckExamples(app, compiler)),
    run(process.execPath, [join(here, 'scripts/lint-packages.mjs'), app, ...packed.map(({ tarball }) => tarball)]).then(
      () => undefined,
      (error) => `${error.stdout}${error.stderr}`,
    ),
  ]);

  // 3. Build, serve from the packed emulator, submit in Chromium.
  const { startEmulator } = await import(
    pathToFileURL(join(installed.get('@campaign-entry/emulator'), 'dist/server.js')).href
  );
  const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const built = {};
  server = await startEmulator({
    streams: Object.values(BUILDS)
      .filter(({ stream }) => stream)
      .map(({ stream }) => ({ name: stream })),
    // The page an entrant submits on, at `/`.
    fallback(request, response) {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      const dir = built.vite?.dir;
      const file = dir && join(dir, path === '/' ? 'index.html' : path);
      if (!file?.startsWith(dir) || !existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(readFileSync(file));
    },
  });
  step('building the pages with Vite and with esbuild');
  const builds = await Promise.all(
    Object.keys(BUILDS).map((name) =>
      name === 'esbuild' ? buildWithEsbuild(app, server.url) : buildWithVite(app, name, server.url),
    ),
  );
  Object.keys(BUILDS).forEach((name, index) => {
    built[name] = builds[index];
  });

  step(`submitting an entry on the Vite page in Chromium against the emulator at ${server.url}`);
  const executablePath = CHROMIUM_PATHS.find((path) => existsSync(path));
  if (!executablePath) throw new Error(`no Chromium at ${CHROMIUM_PATHS.join(', ')}`);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    for (const [name, build] of Object.entries(BUILDS)) {
      const fetched = build.stream
        ? await submitEntry(browser, {
            url: `${server.url}/`,
            stream: build.stream,
            records: (stream) => server.emulator.records(stream),
          })
        : undefined;
      const { dir, html } = built[name];
      results[name] = pageSizes({ dir, base: '/', html, fetched, budgets: build.budgets });
    }
  } finally {
    await browser.close();
  }
  step('waiting for the typechecks and lints');
  for (const finding of await checks) if (finding) problems.push(finding);

  // 4. Sizes.
  for (const [name, { files, measured, budgets, over }] of Object.entries(results)) {
    console.log(`\n${name}: file                              raw        gzip      loads`);
    for (const row of files) {
      console.log(`${row.file.padEnd(40)} ${kb(row.raw).padStart(11)} ${kb(row.gzip).padStart(10)}  ${row.loads}`);
    }
    for (const [figure, bytes] of Object.entries(measured)) {
      const budget = budgets[figure];
      const verdict =
        budget === undefined ? 'no budget' : over.includes(figure) ? `OVER by ${kb(bytes - budget)}` : 'ok';
      const of = budget === undefined ? '' : ` of ${kb(budget)}`;
      console.log(`${figure.padEnd(10)} ${kb(bytes).padStart(10)} gz${of}  ${verdict}`);
    }
    if (over.length > 0) problems.push(`over budget with ${name}'s defaults: ${over.join(', ')}`);
  }
  if (process.argv.includes('--write')) {
    const figures = { date: new Date().toISOString().slice(0, 10), tools: toolVersions, builds: results };
    writeFileSync(join(here, 'results.json'), `${JSON.stringify(figures, null, 2)}\n`);
  }
} catch (error) {
  problems.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await server?.close();
  if (keep) console.log(`scratch app kept at ${app}`);
  else rmSync(work, { recursive: true, force: true });
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (problems.length > 0) {
  console.error(`consumer test: FAILED in ${seconds} s\n${problems.join('\n\n')}`);
  process.exit(1);
}
console.log(`consumer test: ok in ${seconds} s`);
