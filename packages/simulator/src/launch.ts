// `pnpm simulate`: bundles the simulator (with the SDK, from source) into one file and runs it under plain Node.
// Why a bundle: under a loader such as tsx, a dynamic `import()` (the SDK loads its delivery loop that way) resolves
// through the loader's thread, i.e. after real I/O rather than in the same microtask drain, and virtual time would
// move while the SDK still had work at the current instant. Bundled, every `import()` is a promise that settles at
// once, so the run is exact and deterministic.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root (charts are written relative to it). */
export const REPOSITORY_ROOT = join(here, '..', '..', '..');
const BUNDLE = join(here, '..', 'dist', 'simulate.mjs');
/** Node flags for the run: room for a million entrants, and still under 4 GB. */
export const NODE_FLAGS = [
  '--max-old-space-size=3584',
  // A larger young generation: the SDK allocates a little per attempt, millions of times; fewer scavenges.
  '--max-semi-space-size=64',
  '--disable-warning=NodeVersionSupportWarning',
];

let bundled: Promise<string> | undefined;

/** Bundles src/main.ts (and everything it imports) into dist/simulate.mjs once per process; returns its path. */
export function bundleSimulator(): Promise<string> {
  bundled ??= bundle();
  return bundled;
}

async function bundle(): Promise<string> {
  mkdirSync(dirname(BUNDLE), { recursive: true });
  await build({
    entryPoints: [join(here, 'main.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    logLevel: 'warning',
    // Some AWS SDK code in the bundle uses require(); give the ES module one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  return BUNDLE;
}

/** Runs the bundled simulator with `args` and returns its exit code, stdout and stderr (for tests). */
export async function runBundled(args: readonly string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const bundle = await bundleSimulator();
  const result = spawnSync(process.execPath, [...NODE_FLAGS, bundle, ...args], {
    encoding: 'utf8',
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, SIMULATOR_ROOT: REPOSITORY_ROOT },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bundle = await bundleSimulator();
  const child = spawn(process.execPath, [...NODE_FLAGS, bundle, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, SIMULATOR_ROOT: REPOSITORY_ROOT },
  });
  child.on('exit', (code) => {
    process.exitCode = code ?? 1;
  });
}
