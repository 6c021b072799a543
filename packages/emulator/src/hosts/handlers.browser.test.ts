import { PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { gunzip } from '../delivery/gzip.js';
import { createMemorySink } from '../delivery/s3-sink.js';
import { createEmulator } from '../emulator.js';
import { createTestBed, manualClock, putBatch, testBedOptions } from '../testing/aws-test-bed.js';
import { ERROR_CASES } from '../testing/error-cases.js';
import { createHandlers } from './handlers.js';

type SdkError = Error & { $metadata?: { httpStatusCode?: number } };

async function caught(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('expected the call to fail');
}

describe('msw handlers with the real AWS SDK in the browser', () => {
  const clock = manualClock();
  const sink = createMemorySink();
  const emulator = createEmulator({ ...testBedOptions(clock), sink });
  const bed = createTestBed(emulator, clock);
  const worker = setupWorker(...createHandlers(emulator));

  before(async () => {
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledFrame: 'bypass' });
  });
  after(() => worker.stop());
  beforeEach(() => {
    emulator.reset();
    sink.clear();
  });

  it('issues guest credentials that Firehose accepts (the browser hides host and content-length)', async () => {
    const client = await bed.firehose();
    const output = await client.send(
      new PutRecordBatchCommand({
        DeliveryStreamName: 'entries-0',
        Records: ['{"n":1}\n', '{"n":2}\n'].map((line) => ({ Data: new TextEncoder().encode(line) })),
      }),
    );
    expect(output.FailedPutCount).to.equal(0);
    expect(emulator.records().map((record) => record.data)).to.deep.equal(['{"n":1}\n', '{"n":2}\n']);
  });

  it('fails single records inside a 200 answer with the right FailedPutCount', async () => {
    emulator.setFaults({ recordFailureRate: 0.5 });
    const output = await putBatch(await bed.firehose(), 40);
    const failed = (output.RequestResponses ?? []).filter((response) => response.ErrorCode);
    expect(output.FailedPutCount).to.equal(failed.length);
    expect(failed.length).to.be.within(1, 39);
    expect(emulator.records()).to.have.length(40 - failed.length);
  });

  it('lets the SDK correct its clock from the Date header after "Signature expired"', async () => {
    const client = await bed.firehose();
    emulator.setFaults({ serverClockOffsetMs: 10 * 60 * 1000 });
    const error = await caught(putBatch(client));
    expect(error.name).to.equal('InvalidSignatureException');
    expect((await putBatch(client)).FailedPutCount).to.equal(0);
  });

  it('turns a dropped connection into a network error', async () => {
    const client = await bed.firehose();
    emulator.setFaults({ dropRate: 1 });
    const error = await caught(putBatch(client));
    expect(error.$metadata?.httpStatusCode).to.equal(undefined);
    expect(error.name).to.equal('TypeError');
  });

  it('writes acknowledged records, concatenated as sent, as one gzip object on flush', async () => {
    await putBatch(await bed.firehose(), 3, 'entries-1');
    await emulator.flush();
    const [object] = sink.objects();
    expect(object?.key).to.match(/^entries\/\d{4}\/\d{2}\/\d{2}\/\d{2}\/entries-1-1-[\d-]{19}-[0-9a-f-]{36}\.gz$/);
    const text = new TextDecoder().decode(await gunzip(object?.body ?? new Uint8Array()));
    expect(text).to.equal(
      emulator
        .records()
        .map((record) => record.data)
        .join(''),
    );
  });

  describe('AWS errors, as the SDK parses them', () => {
    for (const error of ERROR_CASES) {
      it(error.title, async () => {
        const thrown = await caught(error.act(bed));
        if (error.type) expect(thrown).to.be.instanceOf(error.type);
        expect(thrown.name).to.match(new RegExp(`^(${error.name})$`));
        expect(thrown.$metadata?.httpStatusCode).to.be.a('number');
        if (error.message) expect(thrown.message).to.match(error.message);
      });
    }
  });
});
