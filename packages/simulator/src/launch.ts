// `pnpm simulate`: bundles the simulator (with the SDK, from source) into one file and runs it under plain Node.
// Why a bundle: under a loader such as tsx, a dynamic `import()` (the SDK loads its delivery loop that way) resolves
// through the loader's thread, i.e. after real I/O rather than in the same microtask drain, and virtual time would
// move while the SDK still had work at the current instant. Bundled, every `import()` is a promise that settles at
// once, so the run is exact and deterministic.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BurstReport } from '@campaign-entry/demo/burst';
import { build } from 'esbuild';
import type { LiveBurstOptions } from './live-burst.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root (charts are written relative to it). */
export const REPOSITORY_ROOT = join(here, '..', '..', '..');
const DIST = join(here, '..', 'dist');
const BUNDLE = join(DIST, 'simulate.mjs');
const LIVE_BURST = join(DIST, 'live-burst.mjs');
/** Node flags for the run: room for a million entrants, and still under 4 GB. */
export const NODE_FLAGS = [
  '--max-old-space-size=3584',
  // A larger young generation: the SDK allocates a little per attempt, millions of times; fewer scavenges.
  '--max-semi-space-size=64',
  '--disable-warning=NodeVersionSupportWarning',
];

let bundled: Promise<string> | undefined;

/**
 * Bundles src/main.ts (and everything it imports) into dist/simulate.mjs, and the calibration's live burst into
 * dist/live-burst.mjs, once per process; returns the simulator's path.
 */
export function bundleSimulator(): Promise<string> {
  bundled ??= bundle();
  return bundled;
}

async function bundle(): Promise<string> {
  mkdirSync(DIST, { recursive: true });
  await build({
    entryPoints: { simulate: join(here, 'main.ts'), 'live-burst': join(here, 'live-burst.ts') },
    outdir: DIST,
    outExtension: { '.js': '.mjs' },
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

/**
 * Runs the bundled simulator with `args` in a child process and resolves with its exit code, stdout and stderr (for
 * tests). Asynchronous, so a test can run real clients meanwhile.
 */
export async function runBundled(args: readonly string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return run(await bundleSimulator(), args);
}

/** Runs the calibration's live burst (src/live-burst.ts) bundled, in a child process; resolves with its report. */
export async function runLiveBurst(options: LiveBurstOptions): Promise<BurstReport> {
  await bundleSimulator();
  const result = await run(LIVE_BURST, [JSON.stringify(options)]);
  if (result.status !== 0) throw new Error(`live burst failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as BurstReport;
}

async function run(
  script: string,
  args: readonly string[],
): Promise<{ status: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...NODE_FLAGS, script, ...args], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, SIMULATOR_ROOT: REPOSITORY_ROOT },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  return { status, stdout, stderr };
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
