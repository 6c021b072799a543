import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { createEmulator } from '../emulator.js';
import { createTestBed, manualClock } from '../testing/aws-test-bed.js';
import { readGzipObjects } from '../testing/gzip-objects.js';

const BIN = fileURLToPath(new URL('./bin.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

function runBin(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', TSX, BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs the bin to completion. */
async function runToExit(args: string[]) {
  const child = runBin(args);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/** Starts the bin and resolves with its URL once it prints the ready line. */
async function startBin(args: string[]) {
  const child = runBin(args);
  let stdout = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const match = /^campaign-emulator listening on (http:\/\/127\.0\.0\.1:\d+)\n$/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`bin exited with ${code} before it was ready: ${stdout}`)));
  });
  return { child, url, output: () => stdout };
}

describe('campaign-emulator (bin)', () => {
  let scratch: string;
  before(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'emulator-bin-'));
  });
  after(() => rm(scratch, { recursive: true, force: true }));

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`writes every acknowledged record to gzip files when killed with ${signal}`, async () => {
      const dataDir = join(scratch, signal);
      const { child, url, output } = await startBin([
        '--port',
        '0',
        '--data',
        dataDir,
        '--stream',
        'entries-0',
        '--stream',
        'entries-1',
        '--buffer-ms',
        '900000',
      ]);
      // The SDK's clients need an emulator only for their shape; the child's clock is the real one.
      const bed = createTestBed(createEmulator(), manualClock(), url);
      const client = await bed.firehose();
      const sent: string[] = [];
      for (const [batch, stream] of [
        [0, 'entries-0'],
        [1, 'entries-1'],
        [2, 'entries-0'],
      ] as const) {
        const lines = Array.from(
          { length: 50 },
          (_, index) => `{"batch":${batch},"n":${index},"stream":"${stream}"}\n`,
        );
        const result = await client.send(
          new PutRecordBatchCommand({
            DeliveryStreamName: stream,
            Records: lines.map((line) => ({ Data: new TextEncoder().encode(line) })),
          }),
        );
        assert.equal(result.FailedPutCount, 0);
        sent.push(...lines);
      }
      const files = join(dataDir, 's3', 'campaign-entries', 'entries');
      await assert.rejects(readdir(files), { code: 'ENOENT' }, 'nothing is delivered before the signal');

      child.kill(signal);
      const [code] = await once(child, 'exit');
      assert.equal(code, 0);
      assert.equal(output().split('\n').filter(Boolean).length, 1, 'exactly one line on stdout');
      const written = await readGzipObjects(files);
      assert.equal(written.length, 2, 'one object per stream');
      for (const { path } of written) {
        assert.match(path, /^\d{4}\/\d{2}\/\d{2}\/\d{2}\/entries-[01]-1-\d{4}(-\d{2}){5}-[0-9a-f-]{36}\.gz$/);
      }
      const text = written.map((object) => object.text).join('');
      assert.deepEqual(text.split('\n').filter(Boolean).sort(), sent.map((line) => line.trimEnd()).sort());
    });
  }

  it('refuses an unknown option with one line and exit code 2', async () => {
    const { code, stdout, stderr } = await runToExit(['--nope']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, 'campaign-emulator: unknown option --nope (see --help)\n');
  });

  it('refuses an out-of-range value with one line and exit code 2', async () => {
    const { code, stderr } = await runToExit(['--port', '0', '--data', scratch, '--drop-rate', '2']);
    assert.equal(code, 2);
    assert.equal(stderr, 'campaign-emulator: dropRate must be a number from 0 to 1, got 2\n');
  });

  it('refuses a port in use with one line and exit code 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const { code, stderr } = await runToExit(['--port', String(port), '--data', scratch]);
      assert.equal(code, 1);
      assert.equal(stderr, `campaign-emulator: port ${port} on 127.0.0.1 is already in use\n`);
    } finally {
      blocker.close();
    }
  });

  it('refuses a data directory it cannot write with one line and exit code 1', async () => {
    // A path below a regular file cannot be created, even by root (CI runs as root, so permissions would not do).
    const file = join(scratch, 'a-file');
    await writeFile(file, '');
    const { code, stderr } = await runToExit(['--port', '0', '--data', join(file, 'data')]);
    assert.equal(code, 1);
    assert.match(stderr, /^campaign-emulator: cannot write to data directory .*a-file\/data \(ENOTDIR\)\n$/);
  });

  it('prints its options with --help', async () => {
    const { code, stdout } = await runToExit(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /--port N/);
    assert.match(stdout, /--stream NAME/);
  });
});
