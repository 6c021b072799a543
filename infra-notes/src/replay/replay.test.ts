// The replay against the emulator server: a transform that failed (a throttled or broken Lambda) leaves genuine
// records under errors/processing-failed/; the replay sends the valid ones back through their stream, once each, and
// never what the transform refuses.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { type RunningEmulator, startEmulator } from '@campaign-entry/emulator/server';
import { createTransformHandler, type TransformConfig } from '@campaign-entry/firehose-transform';
import { readGzipLines } from '../store/gzip-lines.js';
import { createLocalObjectStore } from '../store/local-object-store.js';
import { packReplay, replayFailed } from './replay.js';
import { firehoseSender, runReplayCli } from './replay-cli.js';

const KEY = { accessKeyId: 'AKIAREPLAYTEST000000', secretAccessKey: 'replay-test-secret' };
const BUCKET = 'campaign-entries';
const STREAM = 'loungebeer-sb-dev-entries-0';
const ENV = { CAMPAIGN_ID: 'loungebeer-sb', FIELDS: 'name,email', MIN_AGE: '' };
const CONFIG: TransformConfig = { campaignId: 'loungebeer-sb', spec: { fields: ['name', 'email'] } };

const record = (entryId: string, name: string) =>
  `${JSON.stringify({
    schema: 1,
    entryId,
    campaignId: 'loungebeer-sb',
    submittedAt: new Date().toISOString(),
    fields: { name, email: `${name.toLowerCase()}@example.com` },
    consent: { rules: true, marketing: false },
    meta: { locale: 'en', sdk: '0.1.0', fillMs: 9000, suspect: false },
  })}\n`;
const ids = ['a', 'b', 'c'].map((letter) => `${letter.repeat(8)}-0000-4000-8000-000000000000`);

describe('pnpm replay', () => {
  let dataDir: string;
  let running: RunningEmulator;
  let broken = false;
  const output: string[] = [];
  const io = { stdout: (line: string) => output.push(line), stderr: () => {}, now: Date.now };
  const makeClient = (options: { region: string; endpoint?: string }) =>
    new FirehoseClient({ ...options, credentials: KEY, maxAttempts: 1 });
  const replay = async (...args: string[]) => {
    const code = await runReplayCli(['--data', dataDir, '--bucket', BUCKET, ...args], io, ENV, makeClient);
    return { code, report: JSON.parse(output.at(-1) ?? '{}') };
  };
  const put = (lines: string[]) =>
    makeClient({ region: 'us-east-1', endpoint: running.url }).send(
      new PutRecordBatchCommand({
        DeliveryStreamName: STREAM,
        Records: lines.map((text) => ({ Data: new TextEncoder().encode(text) })),
      }),
    );
  const delivered = async () => {
    const store = createLocalObjectStore(join(dataDir, 's3', BUCKET));
    const lines: string[] = [];
    for (const key of await store.list('entries/'))
      lines.push(...readGzipLines((await store.get(key)) ?? new Uint8Array()));
    return lines.map((line) => (JSON.parse(line) as { entryId: string }).entryId).sort();
  };

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'replay-'));
    const working = createTransformHandler(CONFIG, { log: () => {} });
    running = await startEmulator({
      dataDir,
      staticCredentials: [KEY],
      streams: [{ name: STREAM, bucket: BUCKET }],
      buffering: { intervalMs: 900_000 },
      transform: async (event) => {
        if (broken) throw new Error('Rate exceeded'); // a throttled Lambda: Firehose gives up on the batch
        return working(event);
      },
    });
  });
  after(async () => {
    await running?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sends valid failed records back once, skips delivered ones and leaves refused ones', async () => {
    await put([record(ids[0] as string, 'Ada')]);
    await running.emulator.flush();
    broken = true;
    await put([record(ids[0] as string, 'Ada'), record(ids[1] as string, 'Grace'), record(ids[2] as string, 'Alan')]);
    await put([record('dddddddd-0000-4000-8000-000000000000', '=HYPERLINK("x")')]);
    await running.emulator.flush();
    broken = false;
    assert.deepEqual(await delivered(), [ids[0]]);

    const dry = await replay();
    assert.equal(dry.code, 0);
    assert.deepEqual(
      { ...dry.report, location: undefined },
      {
        scanned: 4,
        refused: { invalid: 1 },
        alreadyDelivered: 1,
        toSend: 2,
        sent: 0,
        failed: [],
        dryRun: true,
        location: undefined,
      },
    );
    assert.deepEqual(await delivered(), [ids[0]], 'a dry run sends nothing');

    const sent = await replay('--yes', '--firehose-endpoint', running.url);
    assert.equal(sent.code, 0);
    assert.equal(sent.report.sent, 2);
    await running.emulator.flush();
    assert.deepEqual(await delivered(), [...ids].sort(), 'each genuine entry delivered once');

    const again = await replay('--yes', '--firehose-endpoint', running.url);
    assert.equal(again.report.alreadyDelivered, 3);
    assert.equal(again.report.sent, 0, 'idempotent by entryId');
  });

  it('retries records Firehose did not acknowledge, one by one', async () => {
    try {
      const store = createLocalObjectStore(join(dataDir, 's3', BUCKET));
      // A fresh failed set: three new entries through the broken transform.
      broken = true;
      const fresh = ['e', 'f', '1'].map((letter) => `${letter.repeat(8)}-0000-4000-8000-000000000000`);
      await put(fresh.map((id, index) => record(id, ['Katherine', 'Linus', 'Radia'][index] as string)));
      await running.emulator.flush();
      broken = false;
      running.emulator.setFaults({ recordFailureRate: 0.5 });
      const report = await replayFailed(store, CONFIG, {
        send: firehoseSender(makeClient({ region: 'us-east-1', endpoint: running.url })),
        attempts: 30,
        sleep: async () => {},
        now: Date.now,
      });
      assert.equal(report.sent, 3);
      assert.deepEqual(report.failed, []);
    } finally {
      running.emulator.setFaults({ recordFailureRate: 0 });
    }
  });

  it('packs at most 500 records per call, one stream per call', () => {
    const candidate = (stream: string) => ({ entryId: 'x', stream, data: new Uint8Array(10) });
    const batches = packReplay([
      ...Array.from({ length: 1001 }, () => candidate('s-0')),
      ...Array.from({ length: 2 }, () => candidate('s-1')),
    ]);
    assert.deepEqual(
      batches.map((batch) => [batch[0]?.stream, batch.length]),
      [
        ['s-0', 500],
        ['s-0', 500],
        ['s-0', 1],
        ['s-1', 2],
      ],
    );
  });
});
