// End to end, the way an attacker and an entrant would reach the stack: guest credentials from Cognito, then
// PutRecordBatch straight to Firehose (no widget) or through the SDK's client. The emulator runs this package's
// handler on every buffered batch, as the stack's Lambda does, and writes Firehose's S3 layout to a temp directory.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { DEFAULT_POOL_ID } from '@campaign-entry/emulator';
import { type RunningEmulator, startEmulator } from '@campaign-entry/emulator/server';
import { createCampaignClient } from '@campaign-entry/sdk';
import { createTransformHandler } from './handler.js';
import { entryRecord, line } from './testing/firehose-events.js';

const CAMPAIGN = 'loungebeer-sb';
const STREAMS = ['loungebeer-sb-dev-entries-0', 'loungebeer-sb-dev-entries-1'];
const BUCKET = 'campaign-entries';

/** Every gzip object under `<dataDir>/s3/<bucket>/<prefix>`, as text lines, with the keys. */
async function objectsUnder(dataDir: string, prefix: string): Promise<{ keys: string[]; lines: string[] }> {
  const root = join(dataDir, 's3', BUCKET);
  const entries = await readdir(join(root, prefix), { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const texts = await Promise.all(files.map(async (file) => gunzipSync(await readFile(file)).toString('utf8')));
  return {
    keys: files.map((file) => relative(root, file)),
    lines: texts.flatMap((text) => text.split('\n').filter(Boolean)),
  };
}

describe('a stack with the transform, end to end through the emulator', () => {
  let dataDir: string;
  let running: RunningEmulator;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'firehose-transform-e2e-'));
    const handler = createTransformHandler(
      { campaignId: CAMPAIGN, spec: { fields: ['name', 'email', 'birth-date'], minAge: 21 } },
      { log: () => {} },
    );
    running = await startEmulator({
      dataDir,
      transform: handler,
      streams: STREAMS.map((name) => ({ name, bucket: BUCKET })),
      buffering: { intervalMs: 900_000 },
    });
  });
  after(async () => {
    await running?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps what an attacker puts with guest credentials out of entries/ and under the error prefix', async () => {
    // What anyone can do with the page's public identity pool id: no widget, no SDK validation.
    const common = { region: 'us-east-1', endpoint: running.url, maxAttempts: 1 };
    const cognito = new CognitoIdentityClient(common);
    const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: DEFAULT_POOL_ID }));
    const { Credentials } = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    const firehose = new FirehoseClient({
      ...common,
      credentials: {
        accessKeyId: Credentials?.AccessKeyId ?? '',
        secretAccessKey: Credentials?.SecretKey ?? '',
        sessionToken: Credentials?.SessionToken ?? '',
      },
    });
    const forged = [
      line(
        entryRecord({ fields: { name: '=HYPERLINK("http://x")', email: 'x@example.com', 'birth-date': '1990-01-01' } }),
      ),
      line(entryRecord({ fields: { name: 'Kid', email: 'kid@example.com', 'birth-date': '2015-05-05' } })),
      line(entryRecord({ fields: { name: 'Bot', email: 'bot@example.com', 'birth-date': '1990-01-01', phone: '1' } })),
      line(entryRecord({ campaignId: 'someone-else', fields: { name: 'A', email: 'a@example.com' } })),
      line(entryRecord({ schema: 9 })),
      line(entryRecord({ meta: { locale: '=HYPERLINK("http://x")', sdk: '0.1.0', fillMs: 1, suspect: false } })),
      line(entryRecord({ meta: { locale: 'en\r\n\u202e<b>', sdk: '0.1.0', fillMs: 1, suspect: false } })),
      line(entryRecord({ meta: { locale: 'en', sdk: '0.1.0', fillMs: 1e308, suspect: false } })),
      line(entryRecord({ injected: true })),
      'DROP TABLE entries;\n',
    ];
    const output = await firehose.send(
      new PutRecordBatchCommand({
        DeliveryStreamName: STREAMS[0],
        Records: forged.map((text) => ({ Data: new TextEncoder().encode(text) })),
      }),
    );
    assert.equal(output.FailedPutCount, 0, 'Firehose accepts them: only the transform can say no');
    await running.emulator.flush();

    const entries = await objectsUnder(dataDir, 'entries');
    assert.deepEqual(entries.lines, [], 'nothing reached entries/');
    const errors = await objectsUnder(dataDir, 'errors/processing-failed');
    assert.ok(errors.keys.length > 0);
    for (const key of errors.keys) {
      assert.match(
        key,
        /^errors\/processing-failed\/\d{4}\/\d{2}\/\d{2}\/\d{2}\/loungebeer-sb-dev-entries-0-1-[\d-]{19}-[0-9a-f-]{36}\.gz$/,
      );
    }
    const failed = errors.lines.map((text) => JSON.parse(text));
    assert.deepEqual(
      failed.map((record) => Buffer.from(record.rawData, 'base64').toString('utf8')),
      forged,
      'every forged record is kept, byte for byte, for an operator to inspect',
    );
    assert.ok(failed.every((record) => record.errorCode === 'Lambda.ProcessingFailedStatus'));
    const stats = running.emulator.stats().transform.streams[STREAMS[0] ?? ''];
    assert.deepEqual(
      { processed: stats?.processedRecords, failed: stats?.processingFailedRecords, ok: stats?.okRecords },
      { processed: forged.length, failed: forged.length, ok: 0 },
    );
  });

  it('delivers entries made through the SDK’s client to entries/, checked and with the server’s fields', async () => {
    const client = createCampaignClient({
      region: 'us-east-1',
      identityPoolId: DEFAULT_POOL_ID,
      deliveryStreams: STREAMS,
      campaignId: CAMPAIGN,
      fields: ['name', 'email', 'birth-date'],
      endpoints: { cognito: running.url, firehose: running.url },
      storage: 'memory',
      watchPage: false,
    });
    try {
      const entrants = [
        { name: 'Ada Lovelace', email: 'ada@example.com', 'birth-date': '1990-12-10' },
        { name: 'Grace Hopper', email: 'grace@example.com', 'birth-date': '1986-12-09' },
        { name: 'Alan Turing', email: 'alan@example.com', 'birth-date': '1992-06-23' },
      ];
      const receipts = await Promise.all(
        entrants.map((fields) => client.submit({ fields, consent: { rules: true, marketing: true } })),
      );
      const ids = receipts.map((receipt) => {
        assert.ok(receipt.status === 'delivered' || receipt.status === 'queued', receipt.status);
        return receipt.entryId;
      });
      await client.flush();
      await running.emulator.flush();
      const delivered = (await objectsUnder(dataDir, 'entries')).lines.map((text) => JSON.parse(text));
      assert.deepEqual(delivered.map((record) => record.entryId).sort(), [...ids].sort());
      for (const record of delivered) {
        assert.equal(record.campaignId, CAMPAIGN);
        assert.match(record.arrivedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        assert.equal(record.checks.valid, true);
        assert.equal(record.checks.review, false);
        assert.ok(Math.abs(record.checks.clockSkewMs) < 60_000);
      }
      const errors = await objectsUnder(dataDir, 'errors/processing-failed');
      const forgedCount = 10; // the first test's forged records
      assert.equal(errors.lines.length, forgedCount, 'no genuine entry was refused');
    } finally {
      client.dispose();
    }
  });
});
