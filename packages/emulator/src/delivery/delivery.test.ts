import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DeliveryError } from '../services/errors.js';
import type { BufferedRecord } from './buffered-record.js';
import { createDelivery } from './delivery.js';
import { gunzip } from './gzip.js';
import { createMemorySink, type S3ObjectWrite, type S3Sink } from './s3-sink.js';

const T0 = Date.UTC(2027, 1, 14, 23, 59, 58);
const streams = [{ name: 'entries-0', bucket: 'campaign-entries', prefix: 'entries/' }];
const record = (text: string, arrivedAt = T0): BufferedRecord => ({
  recordId: text,
  data: new TextEncoder().encode(text),
  arrivedAt,
});
const textOf = async (object: S3ObjectWrite | undefined) =>
  new TextDecoder().decode(await gunzip(object?.body ?? new Uint8Array()));

function setup(hints: { sizeBytes?: number; intervalMs?: number } = {}, sink: S3Sink = createMemorySink()) {
  const errors: DeliveryError[] = [];
  let next = 0;
  const delivery = createDelivery({
    streams,
    sink,
    sizeBytes: hints.sizeBytes ?? 1000,
    intervalMs: hints.intervalMs ?? 60_000,
    uuid: () => {
      next += 1;
      return `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`;
    },
    onError: (error) => errors.push(error),
  });
  return { delivery, errors };
}

describe('delivery', () => {
  it('keeps records buffered until a hint is reached or it is flushed', async () => {
    const sink = createMemorySink();
    const { delivery } = setup({}, sink);
    delivery.accept('entries-0', [record('a\n'), record('b\n')]);
    delivery.tick(T0 + 59_999);
    await Promise.resolve();
    assert.equal(sink.objects().length, 0);
    assert.equal(delivery.counters()['entries-0']?.bufferedBytes, 4);
    await delivery.flush();
    assert.equal(sink.objects().length, 1);
  });

  it('writes once the buffer holds the size hint, records concatenated exactly as sent', async () => {
    const sink = createMemorySink();
    const { delivery } = setup({ sizeBytes: 4 }, sink);
    delivery.accept('entries-0', [record('{"a":1}'), record('\n{"b":2}\n')]);
    await delivery.flush();
    assert.equal(sink.objects().length, 1);
    assert.equal(await textOf(sink.objects()[0]), '{"a":1}\n{"b":2}\n');
  });

  it('writes once the oldest record is as old as the interval hint, keyed by its UTC arrival', async () => {
    const sink = createMemorySink();
    const { delivery } = setup({ intervalMs: 60_000 }, sink);
    delivery.accept('entries-0', [record('a\n', T0)]);
    delivery.accept('entries-0', [record('b\n', T0 + 30_000)]);
    delivery.tick(T0 + 59_999);
    assert.equal(delivery.counters()['entries-0']?.bufferedRecords, 2);
    delivery.tick(T0 + 60_000);
    await delivery.flush();
    assert.deepEqual(
      sink.objects().map((object) => `${object.bucket}/${object.key}`),
      [
        'campaign-entries/entries/2027/02/14/23/entries-0-1-2027-02-14-23-59-58-00000000-0000-4000-8000-000000000001.gz',
      ],
    );
    assert.deepEqual(delivery.counters()['entries-0'], {
      bufferedRecords: 0,
      bufferedBytes: 0,
      objects: 1,
      deliveredRecords: 2,
      deliveredBytes: 4,
    });
  });

  it('keeps records buffered when the sink fails, and writes them on the next flush', async () => {
    let failing = true;
    const memory = createMemorySink();
    const sink: S3Sink = {
      putObject: (object) => (failing ? Promise.reject(new Error('disk full')) : memory.putObject(object)),
    };
    const { delivery, errors } = setup({ sizeBytes: 1 }, sink);
    delivery.accept('entries-0', [record('a\n')]);
    await assert.rejects(delivery.flush(), { name: 'DeliveryError', message: /disk full/ });
    delivery.accept('entries-0', [record('b\n')]);
    await assert.rejects(delivery.flush());
    assert.ok(errors.length >= 1, 'background failures are reported');
    failing = false;
    await delivery.flush();
    assert.equal(memory.objects().map((object) => object.key).length, 1);
    assert.equal(await textOf(memory.objects()[0]), 'a\nb\n');
  });
});
