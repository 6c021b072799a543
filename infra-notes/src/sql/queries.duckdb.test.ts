// Runs every Athena query, translated to DuckDB, over emulator-style Firehose output (gzip NDJSON in the hour
// layout, duplicates and a malformed line included) and compares the rows with an independent TypeScript
// implementation of the same rules.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { DASHBOARD_COLUMNS } from '../docs/generated-sections.js';
import { expectedResults, REFERENCE_DRAW } from './fixtures/entries-reference.js';
import { makeEntryRecords } from './fixtures/entry-records.js';
import { writeFirehoseFiles } from './fixtures/firehose-files.js';
import { campaignQueries, duckdbSetupSql, findQuery } from './queries.js';

const SEED = 'drand-round-4242:0b5e9d1c';
const dir = mkdtempSync(join(tmpdir(), 'campaign-entry-queries-'));
const { deliveries } = makeEntryRecords({ entries: 400, seed: 20270214 });
const malformed = ['{"schema":1,"entryId":"truncated'];
writeFirehoseFiles(deliveries, {
  dir,
  bucket: 'campaign-data',
  streams: ['loungebeer-sb-dev-entries-0', 'loungebeer-sb-dev-entries-1'],
  recordsPerFile: 30,
  extraLines: malformed,
});
const expected = expectedResults(deliveries, malformed.length, SEED);

const PARAMETERS: Record<string, string> = {
  seed: SEED,
  closes_at: REFERENCE_DRAW.closesAt,
  grace_minutes: String(REFERENCE_DRAW.graceMinutes),
};

let connection: DuckDBConnection;
let instance: DuckDBInstance;

async function rows(name: string): Promise<Record<string, unknown>[]> {
  const query = findQuery(name);
  const values = query.parameters.map((parameter) => PARAMETERS[parameter] ?? SEED);
  const reader =
    values.length > 0
      ? await connection.runAndReadAll(query.duckdb, values)
      : await connection.runAndReadAll(query.duckdb);
  return reader.getRowObjectsJson();
}

describe('Athena queries on DuckDB over emulator-style output', () => {
  before(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    for (const statement of duckdbSetupSql(join(dir, 'campaign-data', 'entries', '**', '*.gz'))) {
      await connection.run(statement);
    }
  });
  after(() => {
    connection?.closeSync();
    instance?.closeSync();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the fixtures contain what the queries must cope with', () => {
    assert.ok(deliveries.length > new Set(deliveries.map((r) => r.entryId)).size, 'duplicate deliveries');
    assert.ok(
      deliveries.some((r) => r.fields.email?.includes('+')),
      'a +tag e-mail',
    );
    assert.ok(
      deliveries.some((r) => r.fields.email === undefined),
      'an entry without e-mail',
    );
    assert.ok(
      deliveries.some((r) => r.meta.suspect),
      'a suspect entry',
    );
    assert.ok(
      deliveries.some((r) => !r.consent.rules),
      'an entry that did not accept the rules',
    );
    assert.ok(
      deliveries.some((r) => r.checks?.review),
      'an entry the transform flagged for review',
    );
    assert.ok(
      deliveries.some((r) => r.checks === undefined),
      'an entry delivered without the transform',
    );
  });

  test('the entries view reads every line, dates each by its hour folder and skips malformed JSON as NULLs', async () => {
    const reader = await connection.runAndReadAll(
      "SELECT count(*) AS n, count(entryId) AS with_id, count_if(dt SIMILAR TO '\\d{4}/\\d{2}/\\d{2}/\\d{2}') AS dated FROM entries",
    );
    assert.deepEqual(reader.getRowObjectsJson(), [
      { n: String(deliveries.length + 1), with_id: String(deliveries.length), dated: String(deliveries.length + 1) },
    ]);
  });

  for (const query of campaignQueries.filter((q) => !q.createsView)) {
    test(`${query.name} returns the same rows as the reference implementation`, async () => {
      let actual = await rows(query.name);
      // Only the dashboard dataset has no ORDER BY (QuickSight aggregates it); compare it sorted.
      if (query.name === 'dashboard-entrants') {
        actual = actual.sort((a, b) => String(a.entry_id).localeCompare(String(b.entry_id)));
      }
      assert.deepEqual(actual, expected[query.name]);
    });
  }

  test('the draw changes completely with the seed and is the same for the same seed', async () => {
    const first = await rows('winner-draw');
    const again = await rows('winner-draw');
    const other = await connection.runAndReadAll(findQuery('winner-draw').duckdb, [
      PARAMETERS.closes_at as string,
      PARAMETERS.grace_minutes as string,
      'another-seed',
    ]);
    assert.deepEqual(again, first);
    assert.notEqual(other.getRowObjectsJson()[0]?.entry_id, first[0]?.entry_id);
  });

  test('the QuickSight dataset columns are the ones the template declares', async () => {
    const [row] = await rows('dashboard-entrants');
    assert.deepEqual(
      Object.keys(row ?? {}),
      DASHBOARD_COLUMNS.map(([name]) => name),
    );
  });
});
