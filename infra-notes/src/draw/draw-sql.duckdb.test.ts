// One definition of the draw, two engines: athena/draw-eligible.sql and winner-draw.sql (on DuckDB) against the
// TypeScript core, over records with every attack in them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { drawOrder } from '../models/fair-draw.js';
import { duckdbSetupSql, findQuery } from '../sql/queries.js';
import { createLocalObjectStore } from '../store/local-object-store.js';
import { loadDeliveredEntries } from './draw-files.js';
import { drawRules, eligibleEntries } from './eligibility.js';
import { deliver, deliveredLine } from './testing.js';

const dir = mkdtempSync(join(tmpdir(), 'campaign-entry-draw-sql-'));
const at = (minute: number) => new Date(Date.parse('2027-02-14T01:00:00Z') + minute * 60_000).toISOString();
const rules = drawRules('2027-02-14T02:00:00Z', 10);
const SEED = '5eed'.repeat(16);

describe('the draw in SQL and in TypeScript', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('give the same eligible set and the same order', async () => {
    const store = createLocalObjectStore(join(dir, 'bucket'));
    const lines = Array.from({ length: 60 }, (_, i) =>
      deliveredLine({
        email: `fan${i % 45}${i % 3 ? '' : '+x'}@example.com`,
        arrivedAt: at(i + 15),
        suspect: i % 17 === 0,
      }),
    );
    const attacks = [
      deliveredLine({ email: 'late@example.com', submittedAt: at(1), arrivedAt: '2027-02-14T08:00:00Z' }),
      deliveredLine({ email: 'edge@example.com', arrivedAt: '2027-02-14T02:10:00.000Z' }),
      deliveredLine({ email: 'edge2@example.com', arrivedAt: '2027-02-14T02:10:00.001Z' }),
      ...Array.from({ length: 30 }, (_, i) =>
        deliveredLine({ email: `${['j.ohn', 'jo.hn', 'J.o.h.n'][i % 3]}+${i}@GoogleMail.com`, arrivedAt: at(i) }),
      ),
      deliveredLine({ email: 'Vic.Tim+x@Example.com', submittedAt: at(-60), arrivedAt: at(70) }),
      deliveredLine({ email: 'vic.tim@example.com', arrivedAt: at(40) }),
    ];
    await deliver(store, lines.slice(0, 30), 'a');
    await deliver(store, [...lines.slice(30), ...lines.slice(0, 4)], 'b'); // re-deliveries
    await deliver(store, attacks, 'c');

    const expected = eligibleEntries(await loadDeliveredEntries(store), rules);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      for (const statement of duckdbSetupSql(join(dir, 'bucket', 'entries', '**', '*.gz')))
        await connection.run(statement);
      const params = [rules.closesAt, String(rules.graceMinutes)];
      const eligible = (await connection.runAndReadAll(findQuery('draw-eligible').duckdb, params)).getRowObjectsJson();
      assert.deepEqual(
        eligible,
        expected.map((entry) => ({ entry_id: entry.entryId, arrived_at: entry.arrivedAt })),
      );
      assert.ok(expected.length > 40 && expected.length < 60, `${expected.length} eligible`);
      const draw = (
        await connection.runAndReadAll(findQuery('winner-draw').duckdb, [...params, SEED])
      ).getRowObjectsJson();
      assert.deepEqual(
        draw.map((row) => row.entry_id),
        drawOrder(
          expected.map((entry) => entry.entryId),
          SEED,
        ).map((place) => place.entryId),
      );
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
