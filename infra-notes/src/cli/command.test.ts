import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DrawError } from '../draw/draw-error.js';
import { type CliIo, runCommand, STORE_OPTIONS, UsageError } from './command.js';

function capture(): CliIo & { readonly err: string[] } {
  const err: string[] = [];
  return { stdout: () => {}, stderr: (line) => err.push(line), now: () => 0, err };
}
const spec = { usage: 'Usage: pnpm thing', options: STORE_OPTIONS };

describe('an operator command', () => {
  test('exits 2 with the usage on an unknown option', async () => {
    const io = capture();
    assert.equal(await runCommand(['--nope'], io, spec, async () => 0), 2);
    assert.match(io.err.join('\n'), /Unknown option '--nope'[\s\S]*Usage: pnpm thing/);
  });

  test('exits 2 with the usage when the body finds a usage mistake', async () => {
    const io = capture();
    const code = await runCommand([], io, spec, async () => {
      throw new UsageError('--email is required');
    });
    assert.equal(code, 2);
    assert.equal(io.err.join('\n'), '--email is required\nUsage: pnpm thing');
  });

  test('exits 1 with only the first line of a refusal', async () => {
    const io = capture();
    const code = await runCommand([], io, spec, async () => {
      throw new DrawError('not-frozen', 'records may still arrive\nuntil 18:05');
    });
    assert.equal(code, 1);
    assert.deepEqual(io.err, ['records may still arrive']);
  });

  test('hands the parsed store options to the body and returns its exit code', async () => {
    const seen = await runCommand(['--data', '/tmp/x', 'find'], capture(), spec, async ({ values, positionals }) =>
      values.data === '/tmp/x' && positionals[0] === 'find' ? 0 : 9,
    );
    assert.equal(seen, 0);
  });

  test('lets an unexpected error through (a bug is not a refusal)', async () => {
    await assert.rejects(
      runCommand([], capture(), spec, async () => {
        throw new TypeError('boom');
      }),
      /boom/,
    );
  });
});
