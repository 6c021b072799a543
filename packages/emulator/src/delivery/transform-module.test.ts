import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseCli } from '../config/cli.js';
import { loadTransformModule } from './transform-module.js';

describe('--transform', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'emulator-transform-'));
    await writeFile(join(dir, 'named.mjs'), 'export const handler = async (event) => ({ records: [] });\n');
    await writeFile(
      join(dir, 'default.mjs'),
      'export default async function transform() { return { records: [] }; }\n',
    );
    await writeFile(join(dir, 'none.mjs'), 'export const answer = 42;\n');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('is parsed as the module to load', () => {
    assert.equal(parseCli(['--transform', './transform.mjs']).transformModule, './transform.mjs');
    assert.equal(parseCli([]).transformModule, undefined);
    assert.throws(() => parseCli(['--transform', ' ']), { name: 'ConfigError' });
  });

  it('loads a module’s handler export, or its default function, from a path relative to the working directory', async () => {
    assert.equal(typeof (await loadTransformModule('./named.mjs', dir)), 'function');
    assert.equal((await loadTransformModule(join(dir, 'default.mjs'))).name, 'transform');
  });

  it('resolves a package name from the working directory, not from the emulator', async () => {
    const emulatorDir = new URL('../..', import.meta.url).pathname;
    // A dependency of the emulator's package: found and loaded, and refused only because it has no handler.
    await assert.rejects(loadTransformModule('@smithy/signature-v4', emulatorDir), {
      message: '--transform: "@smithy/signature-v4" exports no handler function',
    });
    await assert.rejects(loadTransformModule('@smithy/signature-v4', dir), /cannot find/);
  });

  it('refuses a module it cannot find or that exports no function, in one line', async () => {
    await assert.rejects(loadTransformModule('./missing.mjs', dir), {
      name: 'ConfigError',
      message: /^--transform: cannot load "\.\/missing\.mjs"/,
    });
    await assert.rejects(loadTransformModule('no-such-package-anywhere', dir), {
      message: /^--transform: cannot find "no-such-package-anywhere"/,
    });
    await assert.rejects(loadTransformModule('./none.mjs', dir), {
      message: '--transform: "./none.mjs" exports no handler function',
    });
  });
});
