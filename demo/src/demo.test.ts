// The local campaign end to end in Node: a small halftime burst through the SDK against the demo server, then the
// delivered gzip files read back with the same SQL views Athena uses.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { runBurst } from './burst-run.js';
import { NoEntriesYet, openEntriesDb } from './entries-db.js';
import { DEMO_CAMPAIGN, type RunningDemo, startDemo } from './server.js';

describe('pnpm demo', () => {
  let demo: RunningDemo;
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'campaign-demo-'));
    demo = await startDemo({ port: 0, dataDir, buffering: { sizeBytes: 64 * 1024, intervalMs: 500 } });
  });
  after(async () => {
    await demo.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the page, its config pointing at this server, and CloudFront-like headers', async () => {
    const page = await fetch(`${demo.url}/`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.match(await page.text(), /<campaign-entry/);
    const config = (await (await fetch(`${demo.url}/config.json`)).json()) as {
      endpoints: { firehose: string };
      deliveryStreams: string[];
    };
    assert.equal(config.endpoints.firehose, demo.url);
    assert.deepEqual(config.deliveryStreams, ['entries-0', 'entries-1']);
    assert.equal((await fetch(`${demo.url}/../package.json`)).status, 404);
  });

  it('answers /api/dashboard only to a loopback Host from the same origin (no DNS rebinding, no cross-site reads)', async () => {
    const port = new URL(demo.url).port;
    const ask = (headers: Record<string, string>) => rawGet(Number(port), '/api/dashboard', headers);
    assert.equal(await ask({ host: `127.0.0.1:${port}` }), 200);
    assert.equal(await ask({ host: `localhost:${port}`, origin: `http://localhost:${port}` }), 200);
    assert.equal(await ask({ host: `rebound.example:${port}` }), 403);
    assert.equal(await ask({ host: `127.0.0.1:${port}`, origin: 'https://evil.example' }), 403);
  });

  it('says clearly that there is nothing to query before the first delivery', async () => {
    await assert.rejects(openEntriesDb(join(dataDir, 'nothing'), DEMO_CAMPAIGN.bucket), NoEntriesYet);
  });

  it('loses no entry in a throttled burst of 200, and every one is in the gzip files, queryable with SQL', async () => {
    const report = await runBurst({
      url: demo.url,
      entrants: 200,
      arrivalWindowMs: 2000,
      typingMs: [100, 600],
      requestsPerSecond: 5,
      getIdPerSecond: 40,
      deadlineMs: 120_000,
    });
    assert.equal(report.submitted, 200);
    assert.equal(report.acknowledged, 200);
    assert.equal(report.lost, 0);
    assert.ok(report.throttledCalls > 0, 'quotas were scaled down far enough to throttle');
    assert.ok(report.retries > 0);
    const dashboard = (await (await fetch(`${demo.url}/api/dashboard`)).json()) as { totals: { unique: number } };
    assert.equal(dashboard.totals.unique, 200);

    await demo.emulator.flush();
    const db = await openEntriesDb(dataDir, DEMO_CAMPAIGN.bucket);
    try {
      const { rows } = await db.run('SELECT count(*) AS n, count(DISTINCT entryId) AS ids FROM entries_unique');
      assert.deepEqual(rows, [{ n: 200, ids: 200 }]);
      const layout = await db.run(`SELECT DISTINCT dt FROM entries`);
      assert.match(String(layout.rows[0]?.dt), /^\d{4}\/\d{2}\/\d{2}\/\d{2}$/);
    } finally {
      db.close();
    }
  });

  it('refuses records sent straight to Firehose with guest credentials when they break the rules', async () => {
    // An attacker skips the widget: guest credentials from Cognito, then PutRecordBatch with whatever they like.
    const cognito = new CognitoIdentityClient({ region: 'us-east-1', endpoint: demo.url });
    const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: DEMO_CAMPAIGN.identityPoolId }));
    const { Credentials } = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    const firehose = new FirehoseClient({
      region: 'us-east-1',
      endpoint: demo.url,
      credentials: {
        accessKeyId: Credentials?.AccessKeyId ?? '',
        secretAccessKey: Credentials?.SecretKey ?? '',
        sessionToken: Credentials?.SessionToken ?? '',
      },
    });
    const forged = {
      schema: 1,
      entryId: '7d444840-9dc0-41d4-a6c1-3f1b1f6e2a11',
      campaignId: DEMO_CAMPAIGN.campaignId,
      submittedAt: new Date().toISOString(),
      fields: {
        name: '=HYPERLINK("http://evil.example")',
        email: 'x@example.com',
        'postal-code': '94110',
        'birth-date': '1990-01-01',
      },
      consent: { rules: true, marketing: false },
      meta: { locale: 'en', sdk: '0.1.0', fillMs: 1, suspect: false },
    };
    const lines = ['not json at all\n', `${JSON.stringify(forged)}\n`];
    const output = await firehose.send(
      new PutRecordBatchCommand({
        DeliveryStreamName: 'entries-0',
        Records: lines.map((line) => ({ Data: new TextEncoder().encode(line) })),
      }),
    );
    assert.equal(output.FailedPutCount, 0, 'Firehose accepts them: only the transform can refuse them');
    await demo.emulator.flush();
    const db = await openEntriesDb(dataDir, DEMO_CAMPAIGN.bucket);
    try {
      const refused = await db.run(`SELECT entry_id, error_code FROM errors ORDER BY entry_id NULLS FIRST`);
      assert.deepEqual(
        refused.rows.map((row) => row.entry_id),
        [null, forged.entryId],
      );
      const leaked = await db.run(`SELECT count(*) AS n FROM entries WHERE entryId = '${forged.entryId}'`);
      assert.deepEqual(leaked.rows, [{ n: 0 }]);
    } finally {
      db.close();
    }
  });
});

/** A GET with exactly these headers (fetch would not let a test set `Host`): resolves to the status. */
function rawGet(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const call = request({ host: '127.0.0.1', port, path, headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    call.on('error', reject);
    call.end();
  });
}
