import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitRequestBody, packBatches, requestBodyBytes } from './batch.js';

const items = (sizes: number[]) => sizes.map((bytes, index) => ({ id: index, bytes }));

describe('packBatches', () => {
  it('keeps at most 500 records per call, in order', () => {
    const batches = packBatches(items(Array.from({ length: 1201 }, () => 300)));
    assert.deepEqual(
      batches.map((batch) => batch.length),
      [500, 500, 201],
    );
    assert.deepEqual(
      batches.flat().map((item) => item.id),
      Array.from({ length: 1201 }, (_, index) => index),
    );
  });

  it('keeps at most 4 MiB per call', () => {
    const mib = 1024 * 1024;
    const batches = packBatches(items([mib, mib, mib, mib, 1, 1000 * 1024]));
    assert.deepEqual(
      batches.map((batch) => batch.map((item) => item.id)),
      [
        [0, 1, 2, 3],
        [4, 5],
      ],
    );
    for (const batch of batches) assert.ok(batch.reduce((sum, item) => sum + item.bytes, 0) <= 4 * mib);
  });

  it('honours smaller limits', () => {
    assert.deepEqual(
      packBatches(items([1, 1, 1]), { maxRecords: 2, maxBytes: 100 }).map((batch) => batch.length),
      [2, 1],
    );
  });
});

describe('request body size', () => {
  it('matches the JSON the AWS SDK sends', () => {
    const lines = ['{"a":1}\n', 'héllo\n', ''];
    const body = JSON.stringify({
      DeliveryStreamName: 'entries-0',
      Records: lines.map((line) => ({ Data: Buffer.from(line).toString('base64') })),
    });
    assert.equal(
      requestBodyBytes(
        'entries-0',
        lines.map((line) => Buffer.byteLength(line)),
      ),
      body.length,
    );
  });

  it('fits a keepalive send into its budget', () => {
    const taken = fitRequestBody('entries-0', items(Array.from({ length: 100 }, () => 1000)), 64 * 1024);
    assert.ok(taken.length > 0 && taken.length < 100);
    assert.ok(
      requestBodyBytes(
        'entries-0',
        taken.map((item) => item.bytes),
      ) <=
        64 * 1024,
    );
    assert.ok(
      requestBodyBytes(
        'entries-0',
        [...taken, { bytes: 1000 }].map((item) => item.bytes),
      ) >
        64 * 1024,
    );
  });
});
