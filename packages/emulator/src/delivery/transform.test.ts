// The data-transformation step as Firehose runs it: per-record answers, retries of a failing function, the status
// model, and the error records under `errors/processing-failed/`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEmulator } from '../emulator.js';
import type { BufferedRecord } from './buffered-record.js';
import { createDelivery } from './delivery.js';
import { gunzip } from './gzip.js';
import { createMemorySink, type S3ObjectWrite } from './s3-sink.js';
import { type ProcessingFailedLine, runTransform, toBase64 } from './transform.js';
import type { FirehoseTransform } from './transform-api.js';

const T0 = Date.UTC(2027, 1, 14, 1, 12, 3);
const encoder = new TextEncoder();
const record = (text: string, index: number): BufferedRecord => ({
  recordId: `r${index}`,
  data: encoder.encode(text),
  arrivedAt: T0 + index,
});
const textOf = async (object: S3ObjectWrite | undefined) =>
  new TextDecoder().decode(await gunzip(object?.body ?? new Uint8Array()));

/** Upper-cases lines starting with "ok", refuses "bad", drops "drop". */
const upperCase: FirehoseTransform = async (event) => ({
  records: event.records.map(({ recordId, data }) => {
    const text = atob(data);
    if (text.startsWith('bad')) return { recordId, result: 'ProcessingFailed', data };
    if (text.startsWith('drop')) return { recordId, result: 'Dropped' };
    return { recordId, result: 'Ok', data: btoa(text.toUpperCase()) };
  }),
});

const step = (transform: FirehoseTransform) => {
  let next = 0;
  return { transform, stream: 'entries-0', region: 'us-east-1', now: () => T0 + 5000, uuid: () => `u${++next}` };
};

describe('the transform step', () => {
  it('delivers Ok records as transformed, drops Dropped, and writes Firehose’s error record for the refused', async () => {
    const batch = ['ok 1\n', 'bad 2\n', 'drop 3\n', 'ok 4\n'].map(record);
    const outcome = await runTransform(batch, step(upperCase));
    assert.deepEqual(
      outcome.delivered.map((r) => new TextDecoder().decode(r.data)),
      ['OK 1\n', 'OK 4\n'],
    );
    assert.deepEqual(outcome.counters, {
      processedRecords: 4,
      okRecords: 2,
      processingFailedRecords: 1,
      droppedRecords: 1,
      invocations: 1,
      failedInvocations: 0,
    });
    const line = new TextDecoder().decode(outcome.failed[0]?.data);
    assert.ok(line.endsWith('}\n'));
    const parsed: ProcessingFailedLine = JSON.parse(line);
    assert.deepEqual(parsed, {
      attemptsMade: 1,
      arrivalTimestamp: T0 + 1,
      errorCode: 'Lambda.ProcessingFailedStatus',
      errorMessage: 'ProcessingFailed status set for record',
      attemptEndingTimestamp: T0 + 5000,
      rawData: toBase64(encoder.encode('bad 2\n')),
      lambdaArn: 'arn:aws:lambda:us-east-1:000000000000:function:transform:$LATEST',
    });
    assert.deepEqual(Object.keys(parsed), [
      'attemptsMade',
      'arrivalTimestamp',
      'errorCode',
      'errorMessage',
      'attemptEndingTimestamp',
      'rawData',
      'lambdaArn',
    ]);
  });

  it('sends Firehose’s event shape, at most 1 MiB of data per invocation', async () => {
    const events: Parameters<FirehoseTransform>[0][] = [];
    const spy: FirehoseTransform = async (event) => {
      events.push(event);
      return upperCase(event);
    };
    const big = 'x'.repeat(400 * 1024);
    await runTransform([big, big, big, 'ok'].map(record), step(spy));
    assert.deepEqual(
      events.map((event) => event.records.length),
      [2, 2],
    );
    assert.deepEqual(Object.keys(events[0] ?? {}), ['invocationId', 'deliveryStreamArn', 'region', 'records']);
    assert.equal(events[0]?.deliveryStreamArn, 'arn:aws:firehose:us-east-1:000000000000:deliverystream/entries-0');
    assert.deepEqual(events[1]?.records[1], { recordId: 'r3', approximateArrivalTimestamp: T0 + 3, data: btoa('ok') });
  });

  it('retries a function that throws three times, then sends the batch to processing-failed', async () => {
    let calls = 0;
    const broken: FirehoseTransform = async () => {
      calls += 1;
      throw new Error('boom');
    };
    const outcome = await runTransform(['a', 'b'].map(record), step(broken));
    assert.equal(calls, 4);
    assert.equal(outcome.delivered.length, 0);
    const lines = outcome.failed.map((r) => JSON.parse(new TextDecoder().decode(r.data)));
    assert.deepEqual(
      lines.map((line) => [line.errorCode, line.attemptsMade, atob(line.rawData)]),
      [
        ['Lambda.FunctionError', 4, 'a'],
        ['Lambda.FunctionError', 4, 'b'],
      ],
    );
    assert.equal(outcome.counters.failedInvocations, 4);
  });

  it('recovers when a retry succeeds', async () => {
    let calls = 0;
    const flaky: FirehoseTransform = async (event) => {
      calls += 1;
      if (calls === 1) throw new Error('cold start');
      return upperCase(event);
    };
    const outcome = await runTransform(['ok'].map(record), step(flaky));
    assert.equal(outcome.delivered.length, 1);
    assert.deepEqual([outcome.counters.invocations, outcome.counters.failedInvocations], [2, 1]);
  });

  it('holds the answer to the status model: missing and duplicated ids, and no records list', async () => {
    const sloppy: FirehoseTransform = async (event) => ({
      records: [
        { recordId: 'r0', result: 'Ok' as const, data: btoa('A') },
        { recordId: 'r0', result: 'Ok' as const, data: btoa('A again') },
        { recordId: 'r9', result: 'Ok' as const, data: btoa('not asked') },
      ].slice(0, event.records.length + 1),
    });
    const outcome = await runTransform(['a', 'b'].map(record), step(sloppy));
    assert.deepEqual(
      outcome.failed.map((r) => JSON.parse(new TextDecoder().decode(r.data)).errorCode),
      ['Lambda.DuplicatedRecordId', 'Lambda.MissingRecordId'],
    );
    const shapeless = await runTransform(
      ['a'].map(record),
      step(async () => ({}) as never),
    );
    assert.equal(
      JSON.parse(new TextDecoder().decode(shapeless.failed[0]?.data)).errorCode,
      'Lambda.JsonProcessingException',
    );
  });
});

describe('delivery with a transform', () => {
  it('writes Ok records under the prefix and the refused under errors/processing-failed/YYYY/MM/DD/HH/', async () => {
    const sink = createMemorySink();
    const delivery = createDelivery({
      streams: [{ name: 'entries-0', bucket: 'campaign-entries', prefix: 'entries/', errorPrefix: 'errors/' }],
      sink,
      sizeBytes: 1_000_000,
      intervalMs: 60_000,
      uuid: () => 'u',
      onError: () => {},
      transform: upperCase,
      now: () => T0,
    });
    delivery.accept('entries-0', ['ok 1\n', 'bad 2\n'].map(record));
    await delivery.flush();
    assert.deepEqual(
      sink.objects().map((object) => object.key),
      [
        'entries/2027/02/14/01/entries-0-1-2027-02-14-01-12-03-u.gz',
        'errors/processing-failed/2027/02/14/01/entries-0-1-2027-02-14-01-12-03-u.gz',
      ],
    );
    assert.equal(await textOf(sink.objects()[0]), 'OK 1\n');
    assert.equal(JSON.parse(await textOf(sink.objects()[1])).errorCode, 'Lambda.ProcessingFailedStatus');
    assert.deepEqual(delivery.counters()['entries-0'], {
      bufferedRecords: 0,
      bufferedBytes: 0,
      objects: 2,
      deliveredRecords: 1,
      deliveredBytes: 5,
    });
    assert.equal(delivery.transformCounters()['entries-0']?.processingFailedRecords, 1);
  });

  it('shows in the emulator’s stats, and refuses a transform that is not a function', async () => {
    const emulator = createEmulator({ transform: upperCase });
    assert.equal(emulator.stats().transform.enabled, true);
    assert.deepEqual(emulator.stats().transform.streams['entries-0'], {
      processedRecords: 0,
      okRecords: 0,
      processingFailedRecords: 0,
      droppedRecords: 0,
      invocations: 0,
      failedInvocations: 0,
    });
    assert.equal(createEmulator().stats().transform.enabled, false);
    assert.throws(() => createEmulator({ transform: 'builtin' as never }), { name: 'ConfigError' });
  });
});
