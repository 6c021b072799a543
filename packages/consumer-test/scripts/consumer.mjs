#!/usr/bin/env node
// The consumer test (`pnpm test` runs it after the build): the three published packages as a front-end team gets them.
// 1. `pnpm pack` the SDK, the widget and the emulator; install the tarballs with TypeScript, Vite and React into a
//    scratch app outside the workspace (npm, pinned versions; needs the npm registry, or npm's cache).
// 2. Write the README examples marked `<!-- consumer-test: <file> -->` into the app, exactly as printed, and typecheck
//    them with TypeScript 7 (the app's) and 5.x (the workspace's), under the compilers' defaults plus `strict`.
// 3. Build the app with Vite's defaults, serve it from the packed emulator's Node server on 127.0.0.1, load it in
//    Chromium, submit an entry, and check the emulator received it.
// 4. Measure what the page fetched (scripts/bundle-size.mjs): the first load (the entry and its static imports) and
//    everything an English submit downloads, against the budgets; run publint and attw (ESM-only) on the tarballs.
//
//   node packages/consumer-test/scripts/consumer.mjs [--keep]   (--keep leaves the scratch app for a look)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { importsOf, kb, measure } from '../../../scripts/bundle-size.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATHS } from '../../../scripts/chromium.mjs';

/** Budgets for an app's bundler with its defaults, in gzip bytes: the script tag's plus 1 KB for the bundler's runtime. */
export const CONSUMER_BUDGETS = { firstLoad: 13_000, total: 64_000 };

const root = resolve(import.meta.dirname, '../../..');
const PACKAGES = ['sdk', 'widget', 'emulator'];
/** What the app installs beside the tarballs, pinned so the figures compare from run to run. */
const TOOLS = [
  'typescript@7.0.2',
  'vite@8.3.8',
  'react@19.3.1',
  'react-dom@19.3.1',
  '@types/react@19.3.0',
  '@types/node@22.15.3',
  'publint@0.3.25',
  '@arethetypeswrong/cli@0.18.5',
];
const keep = process.argv.includes('--keep');

function step(label) {
  console.log(`… ${label}`);
}

function fail(message) {
  console.error(`consumer test: ${message}`);
  process.exit(1);
}

function run(command, args, cwd, { quiet = false } = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: quiet ? 'pipe' : 'inherit' });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

// 1. Pack and install.
for (const name of PACKAGES) {
  if (!existsSync(join(root, 'packages', name, 'dist'))) fail(`packages/${name}/dist is missing: run \`pnpm build\``);
}
const work = mkdtempSync(join(tmpdir(), 'campaign-entry-consumer-'));
const packs = join(work, 'packs');
const app = join(work, 'app');
mkdirSync(join(app, 'src'), { recursive: true });
step(`packing ${PACKAGES.join(', ')} into ${packs}`);
for (const name of PACKAGES) {
  const packed = run('pnpm', ['--filter', `@campaign-entry/${name}`, 'pack', '--pack-destination', packs], root, {
    quiet: true,
  });
  if (!packed.ok) fail(`pnpm pack of @campaign-entry/${name} failed:\n${packed.output}`);
}
const tarballs = readdirSync(packs).map((file) => join(packs, file));

writeFileSync(
  join(app, 'package.json'),
  `${JSON.stringify({ name: 'consumer-app', private: true, type: 'module' })}\n`,
);
step(`installing the tarballs, ${TOOLS.join(', ')} (npm)`);
const install = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs, ...TOOLS];
let installed = run('npm', install, app, { quiet: true });
if (!installed.ok) {
  console.log('  npm install failed; trying once more');
  installed = run('npm', install, app, { quiet: true });
}
if (!installed.ok) {
  fail(`npm install failed twice (it needs the npm registry, or these packages in npm's cache):\n${installed.output}`);
}

// 2. The README examples, as printed.
const MARKER = /<!-- consumer-test: ([\w./-]+) -->\s*\n```\w*\n([\s\S]*?)\n```/gu;
const examples = [];
for (const name of PACKAGES) {
  const readme = readFileSync(join(app, 'node_modules/@campaign-entry', name, 'README.md'), 'utf8');
  for (const [, file, code] of readme.matchAll(MARKER)) {
    examples.push(`${name}/README.md → ${file}`);
    mkdirSync(dirname(join(app, file)), { recursive: true });
    writeFileSync(join(app, file), `${code}\n`);
  }
}
if (examples.length === 0) fail('no README example is marked `<!-- consumer-test: <file> -->`');
step(`typechecking ${examples.length} README examples (${examples.join('; ')})`);
const browserConfig = {
  compilerOptions: {
    target: 'es2022',
    module: 'esnext',
    moduleResolution: 'bundler',
    lib: ['es2022', 'dom', 'dom.iterable'],
    jsx: 'react-jsx',
    strict: true,
    noEmit: true,
  },
  include: ['src/**/*'],
};
// The emulator runs in Node: its examples are checked as a Node project (node16 resolution, Node's types).
const nodeConfig = {
  compilerOptions: {
    target: 'es2022',
    module: 'nodenext',
    strict: true,
    noPropertyAccessFromIndexSignature: true,
    noEmit: true,
    types: ['node'],
  },
  include: ['node/**/*'],
};
writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(browserConfig, null, 2));
writeFileSync(join(app, 'tsconfig.node.json'), JSON.stringify(nodeConfig, null, 2));
const compilers = [
  ['TypeScript 7', join(app, 'node_modules/typescript/bin/tsc')],
  [
    `TypeScript ${JSON.parse(readFileSync(join(root, 'node_modules/typescript/package.json'), 'utf8')).version}`,
    join(root, 'node_modules/typescript/bin/tsc'),
  ],
];
for (const [label, tsc] of compilers) {
  for (const project of ['tsconfig.json', ...(existsSync(join(app, 'node')) ? ['tsconfig.node.json'] : [])]) {
    const checked = run(process.execPath, [tsc, '-p', project], app, { quiet: true });
    if (!checked.ok) fail(`${label} rejects the README examples (${project}):\n${checked.output}`);
  }
}

// 3. Build with Vite, serve from the packed emulator, submit in Chromium.
const { startEmulator } = await import(
  pathToFileURL(join(app, 'node_modules/@campaign-entry/emulator/dist/server.js')).href
);
const dist = join(app, 'dist');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = await startEmulator({
  streams: [{ name: 'entries-0' }],
  fallback(request, response) {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = join(dist, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dist) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  },
});
let failure;
/** What failed after the entry was delivered: every size and lint finding is reported, not only the first. */
const problems = [];
try {
  writeFileSync(
    join(app, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Consumer app</title><script type="module" src="/src/main.ts"></script></head>
  <body>
    <campaign-entry region="us-east-1" identity-pool-id="us-east-1:00000000-0000-4000-8000-000000000000"
      delivery-stream="entries-0" campaign-id="consumer-test" fields="name,email" rules-url="/rules"
      cognito-endpoint="${server.url}" firehose-endpoint="${server.url}"></campaign-entry>
  </body>
</html>
`,
  );
  step('building the app with Vite');
  const built = run(
    process.execPath,
    [join(app, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    app,
    {
      quiet: true,
    },
  );
  if (!built.ok) throw new Error(`vite build failed:\n${built.output}`);

  step(`submitting an entry in Chromium against the emulator at ${server.url}`);
  const executablePath = CHROMIUM_PATHS.find((path) => existsSync(path));
  if (!executablePath) throw new Error(`no Chromium at ${CHROMIUM_PATHS.join(', ')}`);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const fetched = [];
  const logged = [];
  try {
    const page = await browser.newPage();
    page.on('console', (message) => logged.push(message.text()));
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.endsWith('.js')) fetched.push(path.slice(1));
    });
    await page.goto(`${server.url}/`);
    const form = page.locator('campaign-entry');
    await form.getByLabel('Full name', { exact: true }).fill('Ada Lovelace');
    await form.getByLabel('Email', { exact: true }).fill('ada@example.com');
    // The rules label covers its checkbox (a bigger tap target): tick it from the keyboard, as an entrant can.
    await form.getByLabel(/I accept/u).focus();
    await page.keyboard.press('Space');
    await form.getByRole('button', { name: 'Enter now' }).click();
    await page.waitForFunction(() => document.querySelector('campaign-entry')?.getAttribute('state') === 'delivered', {
      timeout: 60_000,
    });
    const delivered = server.emulator.records('entries-0');
    if (delivered.length !== 1) throw new Error(`the emulator holds ${delivered.length} records, not 1`);
    // The README example's listener logs the delivered entry's id.
    const entryId = await form.evaluate((element) => element.entryId);
    const deadline = Date.now() + 5000;
    while (!logged.some((line) => line.includes(entryId)) && Date.now() < deadline) await page.waitForTimeout(50);
    if (!logged.some((line) => line.includes(entryId))) {
      throw new Error(`the README example's campaign-entry-delivered listener did not log ${entryId}: ${logged}`);
    }
  } finally {
    await browser.close();
  }

  // 4. Sizes: the first load is the HTML's module scripts and what they import statically; the total, every script
  // the page fetched through the submit.
  const files = new Map();
  for (const file of readdirSync(join(dist, 'assets')).filter((name) => name.endsWith('.js'))) {
    const code = readFileSync(join(dist, 'assets', file));
    files.set(`assets/${file}`, { ...measure(code), imports: importsOf(code.toString('utf8')) });
  }
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [
    ...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\/([^"]+)"/gu),
  ].map((match) => match[1]);
  const firstLoad = new Set();
  const todo = [...entries];
  while (todo.length > 0) {
    const file = todo.pop();
    if (firstLoad.has(file) || !files.has(file)) continue;
    firstLoad.add(file);
    todo.push(...files.get(file).imports.static.map((name) => join(dirname(file), name)));
  }
  const loaded = new Set(fetched.filter((file) => files.has(file)));
  const sum = (set) => [...set].reduce((total, file) => total + files.get(file).gzip, 0);
  const measured = { firstLoad: sum(firstLoad), total: sum(loaded) };
  console.log('\nfile                                    raw        gzip      loads');
  for (const [file, size] of [...files].sort((a, b) => b[1].gzip - a[1].gzip)) {
    const loads = firstLoad.has(file) ? 'first load' : loaded.has(file) ? 'by the submit' : 'not fetched';
    console.log(`${file.padEnd(34)} ${kb(size.raw).padStart(11)} ${kb(size.gzip).padStart(10)}  ${loads}`);
  }
  const over = Object.keys(CONSUMER_BUDGETS).filter((name) => measured[name] > CONSUMER_BUDGETS[name]);
  for (const name of Object.keys(CONSUMER_BUDGETS)) {
    const verdict = over.includes(name) ? `OVER by ${kb(measured[name] - CONSUMER_BUDGETS[name])}` : 'ok';
    console.log(
      `${name.padEnd(10)} ${kb(measured[name]).padStart(10)} gz of ${kb(CONSUMER_BUDGETS[name])}  ${verdict}`,
    );
  }
  writeFileSync(
    join(import.meta.dirname, '../results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), tools: TOOLS, measured, budgets: CONSUMER_BUDGETS, files: Object.fromEntries([...files].map(([file, { raw, gzip, brotli }]) => [file, { raw, gzip, brotli, firstLoad: firstLoad.has(file), fetched: loaded.has(file) }])) }, null, 2)}\n`,
  );
  if (over.length > 0) problems.push(`over budget with Vite's defaults: ${over.join(', ')}`);

  step('publint and attw --profile esm-only on the tarballs');
  for (const tarball of tarballs) {
    const linted = run(process.execPath, [join(app, 'node_modules/publint/src/cli.js'), tarball, '--strict'], app, {
      quiet: true,
    });
    if (!linted.ok) problems.push(`publint ${tarball}:\n${linted.output}`);
    const attw = join(app, 'node_modules/@arethetypeswrong/cli/dist/index.js');
    const typed = run(process.execPath, [attw, tarball, '--profile', 'esm-only', '--format', 'table-flipped'], app, {
      quiet: true,
    });
    if (!typed.ok) problems.push(`attw ${tarball}:\n${typed.output}`);
  }
} catch (error) {
  failure = error;
} finally {
  await server.close();
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`scratch app kept at ${app}`);
}
if (failure) fail(failure.message);
if (problems.length > 0) fail(problems.join('\n\n'));
console.log('consumer test: ok');
