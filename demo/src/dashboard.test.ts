// The dashboard's marketing figures are the ones `pnpm query` prints from the delivered files: same entries, same
// entrants (the canonical key), same opt-in rate, same hours and states, with duplicates and refused records mixed in.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import type { DashboardData } from './dashboard-data.js';
import { openEntriesDb } from './entries-db.js';
import { DEMO_CAMPAIGN, type RunningDemo, startDemo } from './server.js';
import { stateOfPostalCode } from './zip-state.js';

function entry(email: string, postalCode: string, marketing: boolean, entryId = randomUUID()) {
  return {
    schema: 1,
    entryId,
    campaignId: DEMO_CAMPAIGN.campaignId,
    submittedAt: new Date().toISOString(),
    fields: { name: 'Ada Lovelace', email, 'postal-code': postalCode, 'birth-date': '1990-05-01' },
    consent: { rules: true, marketing },
    meta: { locale: 'en', sdk: '0.1.0', fillMs: 4000, suspect: false },
  };
}

async function firehoseFor(url: string): Promise<FirehoseClient> {
  const cognito = new CognitoIdentityClient({ region: DEMO_CAMPAIGN.region, endpoint: url });
  const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: DEMO_CAMPAIGN.identityPoolId }));
  const { Credentials } = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId }));
  return new FirehoseClient({
    region: DEMO_CAMPAIGN.region,
    endpoint: url,
    credentials: {
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretKey ?? '',
      sessionToken: Credentials?.SessionToken ?? '',
    },
  });
}

describe('the live dashboard', () => {
  let demo: RunningDemo;
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'campaign-dashboard-'));
    demo = await startDemo({ port: 0, dataDir, buffering: { sizeBytes: 64 * 1024, intervalMs: 500 } });
  });
  after(async () => {
    await demo.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows the entries, entrants, opt-in rate, hours and states that pnpm query finds in the delivered files', async () => {
    const first = entry('ada@example.com', '94110', true);
    const records = [
      first,
      entry('grace@example.com', '10001', false),
      entry('alan@gmail.com', '60601', true),
      // The same entrants again, by the canonical key (case, +tag, Gmail dots): they count once, by their first entry.
      entry('ADA+halftime@example.com', '94110', false),
      entry('a.lan@gmail.com', '60601', false),
      entry('katherine@example.com', '00501', false),
      first, // a repeated copy (at-least-once delivery)
    ].map((record) => `${JSON.stringify(record)}\n`);
    records.push('not json\n', `${JSON.stringify(entry('not-an-email', '94110', true))}\n`);
    const firehose = await firehoseFor(demo.url);
    await firehose.send(
      new PutRecordBatchCommand({
        DeliveryStreamName: 'entries-0',
        Records: records.map((line) => ({ Data: new TextEncoder().encode(line) })),
      }),
    );

    const dashboard = (await (await fetch(`${demo.url}/api/dashboard`)).json()) as DashboardData;
    await demo.emulator.flush();
    const db = await openEntriesDb(dataDir, DEMO_CAMPAIGN.bucket);
    try {
      const one = async (sql: string) => (await db.run(sql)).rows[0] ?? {};
      assert.equal(dashboard.marketing.entries, (await one('SELECT count(*) AS n FROM entries_unique')).n);
      assert.equal(dashboard.marketing.entrants, (await one('SELECT count(*) AS n FROM entrants')).n);
      assert.deepEqual(
        { entries: dashboard.marketing.entries, entrants: dashboard.marketing.entrants },
        { entries: 6, entrants: 4 },
      );
      const optIn = (await db.runNamed('opt-in-rate')).rows[0] ?? {};
      assert.equal(dashboard.marketing.optIns, optIn.marketing_opt_ins);
      assert.equal(Math.round(dashboard.marketing.optInRate * 10_000) / 100, optIn.opt_in_percent);

      const hours = await db.run(
        'SELECT substr(arrivedAt, 1, 13) AS hour, count(*) AS entries FROM entries_unique GROUP BY 1 ORDER BY 1',
      );
      assert.deepEqual(
        dashboard.marketing.byHour.map(({ hour, entries }) => ({
          hour: new Date(hour).toISOString().slice(0, 13),
          entries,
        })),
        hours.rows,
      );

      const regions = await db.runNamed('entries-by-postal-region');
      const states = new Map<string, number>();
      for (const row of regions.rows) {
        const state = stateOfPostalCode(String(row.postal_region));
        states.set(state, (states.get(state) ?? 0) + Number(row.entries));
      }
      assert.deepEqual(new Map(dashboard.marketing.byState.map(({ state, entries }) => [state, entries])), states);
      assert.deepEqual(Object.fromEntries(states), { CA: 2, IL: 2, NY: 2 });

      const refused = await one('SELECT count(*) AS n FROM errors');
      assert.equal(dashboard.totals.refused, refused.n);
      assert.equal(dashboard.totals.duplicates, 1);
    } finally {
      db.close();
    }
  });
});
