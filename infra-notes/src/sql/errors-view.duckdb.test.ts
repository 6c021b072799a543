// The local `errors` view over refused records, written in the layout Firehose (and the emulator with a transform)
// uses: errors/processing-failed/YYYY/MM/DD/HH/<stream>-1-…gz, one JSON line per record, the original in rawData.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { duckdbErrorsViewSql, PROCESSING_FAILED_KEY_LAYOUT } from './queries.js';

const dir = mkdtempSync(join(tmpdir(), 'campaign-entry-errors-'));
const arrival = Date.UTC(2027, 1, 14, 1, 12, 3, 512);
const lambdaArn = 'arn:aws:lambda:us-east-1:111122223333:function:loungebeer-sb-prod-transform:$LATEST';
const errorLine = (raw: Uint8Array | string, errorCode = 'Lambda.ProcessingFailedStatus') =>
  `${JSON.stringify({
    attemptsMade: 1,
    arrivalTimestamp: arrival,
    errorCode,
    errorMessage: 'ProcessingFailed status set for record',
    attemptEndingTimestamp: arrival + 61_000,
    rawData: Buffer.from(raw).toString('base64'),
    lambdaArn,
  })}\n`;
const forged = `${JSON.stringify({ schema: 1, entryId: '3f2b8a4e-5c6d-4e7f-8a9b-0c1d2e3f4a5b', campaignId: 'elsewhere' })}\n`;
const folder = join(dir, 'campaign-data', 'errors', 'processing-failed', '2027', '02', '14', '01');
mkdirSync(folder, { recursive: true });
const key = 'loungebeer-sb-prod-entries-12-1-2027-02-14-01-13-04-6d2b5c1e-7f3a-4b8c-9d0e-1f2a3b4c5d6e.gz';
writeFileSync(
  join(folder, key),
  gzipSync(
    [
      errorLine(forged),
      errorLine('DROP TABLE entries;\n'),
      errorLine(new Uint8Array([0xff, 0xfe, 0x00])),
      errorLine('{"entryId":"x"}', 'Lambda.FunctionError'),
      '{"truncated":\n',
    ].join(''),
  ),
);

describe('the errors view (DuckDB)', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('documents the key layout the emulator and Firehose share', () => {
    assert.match(PROCESSING_FAILED_KEY_LAYOUT, /^errors\/processing-failed\/YYYY\/MM\/DD\/HH\/<stream>-1-/);
  });

  test('decodes each refused record, with its hour, stream and the ids it claims; skips malformed lines', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run(
        duckdbErrorsViewSql(join(dir, 'campaign-data', 'errors', 'processing-failed', '**', '*.gz')),
      );
      const reader = await connection.runAndReadAll(
        `SELECT dt, stream, arrived_at, error_code, attempts_made, failed_at, raw_text, entry_id, campaign_id, lambda_arn
         FROM errors ORDER BY error_code DESC, raw_text NULLS LAST`,
      );
      const rows = reader.getRowObjectsJson();
      const common = {
        dt: '2027/02/14/01',
        stream: 'loungebeer-sb-prod-entries-12',
        arrived_at: '2027-02-14 01:12:03.512',
        attempts_made: '1',
        failed_at: '2027-02-14 01:13:04.512',
        lambda_arn: lambdaArn,
      };
      assert.deepEqual(rows, [
        {
          ...common,
          error_code: 'Lambda.ProcessingFailedStatus',
          raw_text: 'DROP TABLE entries;\n',
          entry_id: null,
          campaign_id: null,
        },
        {
          ...common,
          error_code: 'Lambda.ProcessingFailedStatus',
          raw_text: forged,
          entry_id: '3f2b8a4e-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
          campaign_id: 'elsewhere',
        },
        { ...common, error_code: 'Lambda.ProcessingFailedStatus', raw_text: null, entry_id: null, campaign_id: null },
        {
          ...common,
          error_code: 'Lambda.FunctionError',
          raw_text: '{"entryId":"x"}',
          entry_id: 'x',
          campaign_id: null,
        },
      ]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
