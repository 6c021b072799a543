// `pnpm demo`: builds the widget when its sources changed since the last build (fast otherwise), then runs the local
// campaign (demo/src/main.ts). Ctrl-C reaches the demo, which writes buffered entries before it exits.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_NODE_OPTIONS } from './source-node-options.mjs';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'packages/widget/dist/campaign-entry.js');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (!entry.name.includes('.test.')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

const sources = Math.max(newest(join(root, 'packages/widget/src')), newest(join(root, 'packages/sdk/src')));
if (mtime(built) < sources) {
  console.log('Building the widget (sources changed since the last build)…');
  const build = spawnSync('pnpm', ['--filter', '@campaign-entry/widget', 'run', 'build'], {
    stdio: 'inherit',
    cwd: root,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const child = spawn(
  process.execPath,
  [...SOURCE_NODE_OPTIONS, join(root, 'demo/src/main.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    cwd: process.cwd(),
  },
);
// The terminal sends Ctrl-C to the whole process group: let the demo flush and exit, then follow it.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
