// Runs every Node-side test (`*.test.ts` that is not `*.browser.test.ts`) with node:test, TypeScript through tsx and
// our `source` export condition so workspace packages resolve to their TypeScript sources.
// Usage: node scripts/test-node.mjs [path-substring ...]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SOURCE_NODE_OPTIONS } from './source-node-options.mjs';

const root = new URL('..', import.meta.url).pathname;
const roots = ['packages', 'demo', 'infra-notes', 'scripts', 'bench'];
const skip = new Set(['node_modules', 'dist', '.data']);

function* walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (skip.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.name.endsWith('.test.ts') && !entry.name.endsWith('.browser.test.ts')) yield path;
  }
}

const filters = process.argv.slice(2);
const files = roots
  .flatMap((dir) => [...walk(join(root, dir))])
  .map((file) => relative(root, file))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();

if (files.length === 0) {
  console.log('No Node tests matched.');
  process.exit(filters.length === 0 ? 0 : 1);
}

const result = spawnSync(
  process.execPath,
  [
    ...SOURCE_NODE_OPTIONS,
    '--test',
    // Files run in processes of their own; several at once overlap their start-up and their waits on servers,
    // browsers and cfn-lint (Node's default on 2 cores is one at a time). Tests use port 0 and temporary folders.
    `--test-concurrency=${process.env.NODE_TEST_CONCURRENCY ?? 3}`,
    '--test-reporter=spec',
    ...files,
  ],
  { stdio: 'inherit', cwd: root },
);
process.exit(result.status ?? 1);
