import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DescribeDeliveryStreamCommand, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import {
  type AwsTestBed,
  createTestBed,
  type ManualClock,
  manualClock,
  putBatch,
  STREAMS,
  testBedOptions,
} from '../testing/aws-test-bed.js';
import { ERROR_CASES } from '../testing/error-cases.js';
import { readGzipObjects } from '../testing/gzip-objects.js';
import { type RunningEmulator, startEmulator } from './server.js';

describe('the Node server with the real AWS SDK', () => {
  let running: RunningEmulator;
  let bed: AwsTestBed;
  let clock: ManualClock;
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'emulator-server-'));
    clock = manualClock();
    running = await startEmulator({ ...testBedOptions(clock), dataDir });
    bed = createTestBed(running.emulator, clock, running.url);
  });
  after(async () => {
    await running.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => running.emulator.reset());

  it('issues guest credentials that Firehose accepts, and keeps every acknowledged record in order', async () => {
    const client = await bed.firehose();
    const lines = ['{"n":1}\n', '{"n":2}\n', '{"n":3}\n'];
    const output = await client.send(
      new PutRecordBatchCommand({
        DeliveryStreamName: 'entries-1',
        Records: lines.map((line) => ({ Data: new TextEncoder().encode(line) })),
      }),
    );
    assert.equal(output.FailedPutCount, 0);
    const acknowledged = running.emulator.records('entries-1');
    assert.deepEqual(
      acknowledged.map((record) => record.data),
      lines,
    );
    assert.deepEqual(
      acknowledged.map((record) => record.recordId),
      output.RequestResponses?.map((response) => response.RecordId),
    );
    assert.equal(running.emulator.stats().cognito.getCredentials, 1);
  });

  it('describes a delivery stream for health checks', async () => {
    const client = await bed.firehose();
    const { DeliveryStreamDescription: description } = await client.send(
      new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'entries-0' }),
    );
    assert.equal(description?.DeliveryStreamStatus, 'ACTIVE');
    assert.equal(description?.DeliveryStreamARN, 'arn:aws:firehose:us-east-1:000000000000:deliverystream/entries-0');
    assert.equal(description?.Destinations?.[0]?.ExtendedS3DestinationDescription?.CompressionFormat, 'GZIP');
  });

  it('fails single records inside a 200 answer, lined up with the request, with the right FailedPutCount', async () => {
    running.emulator.setFaults({ recordFailureRate: 0.5 });
    const output = await putBatch(await bed.firehose(), 40);
    const responses = output.RequestResponses ?? [];
    const failed = responses.filter((response) => response.ErrorCode);
    assert.equal(responses.length, 40);
    assert.equal(output.FailedPutCount, failed.length);
    assert.ok(failed.length > 0 && failed.length < 40, `seed 7 fails some records, not all (${failed.length})`);
    for (const response of failed) {
      assert.match(response.ErrorCode ?? '', /^(ServiceUnavailableException|InternalFailure)$/);
      assert.equal(response.RecordId, undefined);
    }
    assert.deepEqual(
      running.emulator.records().map((record) => record.recordId),
      responses.filter((response) => response.RecordId).map((response) => response.RecordId),
    );
  });

  it('lets the SDK correct its clock from the Date header after "Signature expired", then accepts its calls', async () => {
    const client = await bed.firehose();
    running.emulator.setFaults({ serverClockOffsetMs: 10 * 60 * 1000 });
    await assert.rejects(putBatch(client), { name: 'InvalidSignatureException', message: /^Signature expired/ });
    // The SDK learns the offset from the answer (whole seconds, read on a loaded machine): close to 10 min, far from
    // the 0 it started with. What matters is the next call: signed with the corrected clock, it is accepted.
    const offset = await client.config.systemClockOffset;
    assert.ok(Math.abs(offset - 10 * 60 * 1000) < 60_000, `SDK clock offset ${offset} ms`);
    const output = await putBatch(client);
    assert.equal(output.FailedPutCount, 0);
  });

  it('accepts long-lived keys given as staticCredentials', async () => {
    const staticRun = await startEmulator({
      staticCredentials: [{ accessKeyId: 'AKIAEMULATOR00000000', secretAccessKey: 'emulator-secret' }],
    });
    try {
      const staticBed = createTestBed(staticRun.emulator, clock, staticRun.url);
      const client = await staticBed.firehose({
        accessKeyId: 'AKIAEMULATOR00000000',
        secretAccessKey: 'emulator-secret',
      });
      assert.equal((await putBatch(client)).FailedPutCount, 0);
    } finally {
      await staticRun.close();
    }
  });

  it('drops connections: the SDK sees a network error, not an AWS answer', async () => {
    const client = await bed.firehose();
    running.emulator.setFaults({ dropRate: 1 });
    const error = await putBatch(client).then(
      () => assert.fail('expected a dropped connection'),
      (caught: Error & { $metadata?: { httpStatusCode?: number }; code?: string }) => caught,
    );
    assert.equal(error.$metadata?.httpStatusCode, undefined);
    assert.match(`${error.code} ${error.message}`, /ECONNRESET|socket hang up/);
    running.emulator.setFaults({ dropRate: 0, offline: true });
    await assert.rejects(
      bed.guestCredentials(),
      (caught: Error & { $metadata?: { httpStatusCode?: number } }) => caught.$metadata?.httpStatusCode === undefined,
    );
  });

  it('keeps records whose answer was lost, so a retry duplicates them (at-least-once)', async () => {
    const client = await bed.firehose();
    running.emulator.setFaults({ responseDropRate: 1 });
    await assert.rejects(putBatch(client, 2));
    running.emulator.setFaults({ responseDropRate: 0 });
    await putBatch(client, 2);
    assert.equal(running.emulator.records().length, 4);
  });

  describe('AWS errors, as the SDK parses them', () => {
    for (const error of ERROR_CASES) {
      it(error.title, async () => {
        const caught = await error.act(bed).then(
          () => assert.fail('expected an error'),
          (reason: Error & { $metadata?: { httpStatusCode?: number } }) => reason,
        );
        if (error.type) assert.ok(caught instanceof error.type, `${caught.name} is an instance of ${error.type.name}`);
        assert.match(caught.name, new RegExp(`^(${error.name})$`));
        assert.ok(caught.$metadata?.httpStatusCode, 'the SDK saw an HTTP answer');
        if (error.message) assert.match(caught.message, error.message);
      });
    }
  });

  it('answers CORS preflights for signed calls and exposes the request id and Date', async () => {
    const response = await fetch(`${running.url}/`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://promo.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers':
          'amz-sdk-invocation-id,amz-sdk-request,authorization,content-type,x-amz-date,x-amz-security-token,x-amz-target,x-amz-user-agent',
      },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    for (const header of ['authorization', 'x-amz-target', 'amz-sdk-request', 'x-amz-security-token']) {
      assert.match(response.headers.get('access-control-allow-headers') ?? '', new RegExp(header));
    }
    const call = await fetch(`${running.url}/`, { method: 'POST', headers: { 'X-Amz-Target': 'Nope.Nothing' } });
    assert.match(call.headers.get('access-control-expose-headers') ?? '', /x-amzn-RequestId.*Date/);
    assert.ok(call.headers.get('date'));
  });
});

describe('startEmulator', () => {
  it('hands every other route to the fallback, so a site can share the origin', async () => {
    const running = await startEmulator({
      fallback: (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/plain' });
        response.end('demo site');
      },
    });
    try {
      assert.equal(await (await fetch(`${running.url}/index.html`)).text(), 'demo site');
      assert.equal((await fetch(`${running.url}/_emulator/stats`)).status, 200);
      assert.ok(running.url.startsWith('http://127.0.0.1:'));
    } finally {
      await running.close();
    }
  });

  it('refuses a port in use with a one-line StartupError', async () => {
    const first = await startEmulator();
    try {
      await assert.rejects(startEmulator({ port: first.port }), {
        name: 'StartupError',
        code: 'port-in-use',
        message: `port ${first.port} on 127.0.0.1 is already in use`,
      });
    } finally {
      await first.close();
    }
  });

  it('writes every buffered record on close', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'emulator-close-'));
    const clock = manualClock();
    const running = await startEmulator({ ...testBedOptions(clock), dataDir });
    const bed = createTestBed(running.emulator, clock, running.url);
    await putBatch(await bed.firehose(), 5, STREAMS[0]);
    await running.close();
    const objects = await readGzipObjects(join(dataDir, 's3'));
    assert.equal(objects.length, 1);
    assert.equal(objects[0]?.text.split('\n').filter(Boolean).length, 5);
    await rm(dataDir, { recursive: true, force: true });
  });
});
