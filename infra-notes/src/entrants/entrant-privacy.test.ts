// Access and erasure requests over the demo's local layout, through the same commands an operator runs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { runDrawCli } from '../draw/draw-cli.js';
import { deliver, deliveredLine } from '../draw/testing.js';
import { duckdbErrorsViewSql, duckdbSetupSql } from '../sql/queries.js';
import { writeGzipLines } from '../store/gzip-lines.js';
import { createLocalObjectStore } from '../store/local-object-store.js';
import { runEntrantCli } from './entrant-cli.js';

const at = (minute: number) => new Date(Date.parse('2027-02-14T01:00:00Z') + minute * 60_000).toISOString();
const NOW = () => Date.parse('2027-02-14T04:00:00Z');

async function run(cli: typeof runEntrantCli, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await cli(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), now: NOW });
  return { code, json: out[0] ? JSON.parse(out[0]) : undefined, err: err.join('\n') };
}

async function demoData() {
  const data = mkdtempSync(join(tmpdir(), 'campaign-entry-privacy-'));
  const bucket = createLocalObjectStore(join(data, 's3', 'campaign-entries'));
  const victim = deliveredLine({ email: 'vic.tim@example.com', name: 'Vic Tim', arrivedAt: at(10) });
  const forged = deliveredLine({ email: 'Vic.Tim+x@Example.com', arrivedAt: at(20), marketing: true });
  const others = Array.from({ length: 5 }, (_, i) => deliveredLine({ email: `fan${i}@example.com`, arrivedAt: at(i) }));
  await deliver(bucket, [others[0] as string, victim, others[1] as string], 'one');
  await deliver(bucket, [forged], 'two');
  await deliver(bucket, others.slice(2), 'three');
  // A record the transform refused, with the victim's address in its rawData.
  const refused = JSON.stringify({ schema: 1, entryId: 'x', fields: { email: 'VIC.TIM@example.com' } });
  await bucket.put(
    'errors/processing-failed/2027/02/14/01/s-1-2027-02-14-01-00-00-e.gz',
    writeGzipLines([
      JSON.stringify({
        attemptsMade: 1,
        arrivalTimestamp: Date.parse(at(3)),
        rawData: Buffer.from(refused).toString('base64'),
      }),
      JSON.stringify({
        attemptsMade: 1,
        arrivalTimestamp: Date.parse(at(4)),
        rawData: Buffer.from('{}').toString('base64'),
      }),
    ]),
  );
  return { data, victimId: JSON.parse(victim).entryId as string };
}

async function emailsQueryCanSee(data: string): Promise<string[]> {
  const root = join(data, 's3', 'campaign-entries');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const statement of duckdbSetupSql(join(root, 'entries', '**', '*.gz'))) await connection.run(statement);
    await connection.run(duckdbErrorsViewSql(join(root, 'errors', 'processing-failed', '**', '*.gz')));
    const reader = await connection.runAndReadAll(
      "SELECT lower(fields['email']) AS e FROM entries UNION ALL SELECT lower(json_extract_string(raw_text, '$.fields.email')) FROM errors",
    );
    return reader.getRowObjectsJson().map((row) => String(row.e));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const dirs: string[] = [];
describe('access and erasure requests', () => {
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test('find matches by the canonical key: every variant of the address, in entries/ and errors/', async () => {
    const { data } = await demoData();
    dirs.push(data);
    const { code, json } = await run(runEntrantCli, [
      'find',
      '--email',
      ' VIC.TIM+anything@EXAMPLE.com',
      '--data',
      data,
    ]);
    assert.equal(code, 0);
    assert.equal(json.key, 'vic.tim@example.com');
    assert.equal(json.found, 3);
    assert.deepEqual(json.lines.map((line: { source: string }) => line.source).sort(), [
      'entries',
      'entries',
      'errors',
    ]);
  });

  test('erase is a dry run without --yes, then leaves nothing of the entrant where pnpm query reads', async () => {
    const { data } = await demoData();
    dirs.push(data);
    const dry = await run(runEntrantCli, ['erase', '--email', 'Vic.Tim+x@Example.com', '--data', data]);
    assert.equal(dry.json.dryRun, true);
    assert.equal(dry.json.linesRemoved, 3);
    assert.ok((await emailsQueryCanSee(data)).some((email) => email.includes('vic.tim')));

    const done = await run(runEntrantCli, ['erase', '--email', 'Vic.Tim+x@Example.com', '--data', data, '--yes']);
    assert.deepEqual(
      { ...done.json, entryIds: done.json.entryIds.length, location: undefined },
      {
        key: 'vic.tim@example.com',
        dryRun: false,
        linesRemoved: 3,
        objectsRewritten: 2,
        objectsRemoved: 1,
        entryIds: 3,
        tombstoned: 0,
        location: undefined,
      },
    );
    const left = await emailsQueryCanSee(data);
    assert.ok(!left.some((email) => email.includes('vic.tim')), left.join(','));
    assert.equal(left.filter((email) => email.startsWith('fan')).length, 5, 'everyone else stays');
    assert.equal((await run(runEntrantCli, ['find', '--email', 'vic.tim@example.com', '--data', data])).json.found, 0);
  });

  test('an erasure after the draw commitment keeps it verifiable and the erased entry out of the winners', async () => {
    const { data, victimId } = await demoData();
    dirs.push(data);
    const commit = await run(runDrawCli, ['commit', '--closes-at', at(60), '--grace-minutes', '5', '--data', data]);
    assert.equal(commit.code, 0, commit.err);
    assert.equal(commit.json.eligible, 6);
    const erase = await run(runEntrantCli, ['erase', '--email', 'vic.tim@example.com', '--data', data, '--yes']);
    assert.equal(erase.json.tombstoned, 1);
    const verify = await run(runDrawCli, ['verify', '--data', data]);
    assert.equal(verify.code, 0, JSON.stringify(verify.json));
    const reveal = await run(runDrawCli, ['reveal', '--seed', 'ab'.repeat(32), '--winners', '6', '--data', data]);
    assert.equal(reveal.code, 0, reveal.err);
    assert.equal(reveal.json.winners.length, 5);
    assert.ok(!reveal.json.winners.some((w: { entryId: string }) => w.entryId === victimId));
    assert.deepEqual(
      reveal.json.erasedSkipped.map((e: { entryId: string }) => e.entryId),
      [victimId],
    );
  });

  test('refuses what is not an address, with one line on stderr', async () => {
    const { code, err } = await run(runEntrantCli, ['find', '--email', 'nobody', '--data', tmpdir()]);
    assert.equal(code, 1);
    assert.match(err, /^"nobody" is not an e-mail address$/);
  });
});
