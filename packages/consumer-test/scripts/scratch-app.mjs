// A scratch app outside the workspace with the packed packages installed as npm lays them out, offline and in about a
// second: each tarball unpacked into node_modules/@campaign-entry/<name>; every other package a symlink to the copy
// this workspace's pnpm install already holds (the packed package's own dependency for its dependencies, this test's
// devDependencies for the app's tools), after checking that copy satisfies the range the tarball asks for. No
// registry, no resolution: the same files on every run, and a dependency missing from a packed package.json fails.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const manifest = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

/**
 * `pnpm pack`s workspace packages (pnpm turns `workspace:` ranges into versions) into `dest`, all at once.
 * @param {string} root the workspace
 * @param {string[]} names package folders under packages/
 * @returns {Promise<{ name: string, source: string, tarball: string }[]>}
 */
export async function pack(root, names, dest) {
  mkdirSync(dest, { recursive: true });
  return Promise.all(
    names.map(async (name) => {
      const source = join(root, 'packages', name);
      await run('pnpm', ['pack', '--pack-destination', dest], { cwd: source });
      const { name: packageName, version } = manifest(source);
      return {
        name: packageName,
        source,
        tarball: join(dest, `${packageName.replace('@', '').replace('/', '-')}-${version}.tgz`),
      };
    }),
  );
}

/** Whether `version` is in `range`: exact versions and `^`, `~`, `>=` ranges, which is what the packages use. */
export function satisfies(version, range) {
  const parse = (text) => [...text.split('.').map(Number), 0, 0].slice(0, 3);
  const [op, base] = /^(\^|~|>=)?(\d+(?:\.\d+){0,2})$/u.exec(range.trim())?.slice(1) ?? [];
  if (!base) throw new Error(`unsupported version range "${range}"`);
  const [have, want] = [parse(version), parse(base)];
  const compare = have.map((part, index) => part - want[index]).find((diff) => diff !== 0) ?? 0;
  if (op === undefined) return compare === 0;
  if (op === '>=') return compare >= 0;
  const fixed = op === '~' || want[0] === 0 ? 2 : 1; // ^0.x fixes the minor as ~ does
  return compare >= 0 && have.slice(0, fixed).every((part, index) => part === want[index]);
}

/**
 * Installs `packed` tarballs and `tools` (names this test's package depends on) into `app`'s node_modules.
 * @param {{ app: string, packed: { name: string, source: string, tarball: string }[], tools: string[], toolsFrom: string }} options
 * @returns {Promise<Map<string, string>>} every package name and the folder it resolves to
 */
export async function install({ app, packed, tools, toolsFrom }) {
  const modules = join(app, 'node_modules');
  mkdirSync(modules, { recursive: true });
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify({ name: 'consumer-app', private: true, type: 'module' })}\n`,
  );
  const installed = new Map();
  await Promise.all(
    packed.map(async ({ name, tarball }) => {
      const unpacked = join(app, '.unpack', name);
      mkdirSync(unpacked, { recursive: true });
      await run('tar', ['-xzf', tarball, '-C', unpacked]);
      mkdirSync(dirname(join(modules, name)), { recursive: true });
      renameSync(join(unpacked, 'package'), join(modules, name));
    }),
  );
  rmSync(join(app, '.unpack'), { recursive: true, force: true });
  for (const { name } of packed) installed.set(name, join(modules, name));

  const link = (name, from, range, by) => {
    let target;
    try {
      target = realpathSync(join(from, 'node_modules', name));
    } catch {
      throw new Error(`${by} depends on ${name}, which ${from} does not have installed`);
    }
    const { version } = manifest(target);
    if (range && !satisfies(version, range))
      throw new Error(`${by} wants ${name}@${range}; the workspace has ${version}`);
    const existing = installed.get(name);
    if (existing && existing !== target) throw new Error(`${name}: two copies wanted (${existing}, ${target})`);
    if (existing) return;
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    symlinkSync(target, join(modules, name), 'dir');
    installed.set(name, target);
  };
  for (const { name, source } of packed) {
    const { dependencies = {}, peerDependencies = {}, peerDependenciesMeta = {} } = manifest(join(modules, name));
    for (const [dependency, range] of Object.entries(dependencies)) {
      const own = packed.find((other) => other.name === dependency);
      if (!own) link(dependency, source, range, name);
      else if (!satisfies(manifest(join(modules, dependency)).version, range)) {
        throw new Error(
          `${name} wants ${dependency}@${range}, packed as ${manifest(join(modules, dependency)).version}`,
        );
      }
    }
    for (const [peer, range] of Object.entries(peerDependencies)) {
      if (!peerDependenciesMeta[peer]?.optional) link(peer, toolsFrom, range, name);
    }
  }
  for (const tool of tools) link(tool, toolsFrom, undefined, 'the app');
  // The optional peers the app has (its own @types/*) must be in their range too.
  for (const { name } of packed) {
    const { peerDependencies = {} } = manifest(join(modules, name));
    for (const [peer, range] of Object.entries(peerDependencies)) {
      const have = installed.get(peer);
      if (have && !satisfies(manifest(have).version, range)) {
        throw new Error(`${name} wants ${peer}@${range}; the app has ${manifest(have).version}`);
      }
    }
  }
  return installed;
}
