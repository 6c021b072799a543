import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemorySink } from './delivery/s3-sink.js';
import { createEmulator } from './emulator.js';
import type { EmulatorRequest } from './emulator-api.js';
import type { EmulatorResponse } from './services/response.js';
import { manualClock } from './testing/aws-test-bed.js';
import { signedFirehoseCall } from './testing/signed-call.js';

const KEY = { accessKeyId: 'AKIAEMULATOR00000000', secretAccessKey: 'secret' };
/** A PutRecordBatch as the SDK would sign it, without the SDK. */
async function putRecordBatch(lines: string[], at: number, stream = 'entries-0'): Promise<EmulatorRequest> {
  const body = JSON.stringify({ DeliveryStreamName: stream, Records: lines.map((line) => ({ Data: btoa(line) })) });
  const request = await signedFirehoseCall(KEY, { at, body });
  return { method: request.method, url: request.url.href, headers: request.headers, body: request.body };
}

const cognitoCall = (operation: string, input: object): EmulatorRequest => ({
  method: 'POST',
  url: 'https://cognito-identity.us-east-1.amazonaws.com/',
  headers: { 'x-amz-target': `AWSCognitoIdentityService.${operation}`, 'content-type': 'application/x-amz-json-1.1' },
  body: new TextEncoder().encode(JSON.stringify(input)),
});

function answer(response: EmulatorResponse | 'drop'): EmulatorResponse & { json: Record<string, unknown> } {
  assert.notEqual(response, 'drop');
  const value = response as EmulatorResponse;
  return { ...value, json: value.body ? (JSON.parse(value.body) as Record<string, unknown>) : {} };
}

function setup(options: Parameters<typeof createEmulator>[0] = {}) {
  const clock = manualClock(Date.UTC(2027, 1, 14, 1, 0, 0));
  const sink = createMemorySink();
  const emulator = createEmulator({ staticCredentials: [KEY], clock, sink, seed: 1, ...options });
  return { clock, sink, emulator };
}

describe('createEmulator', () => {
  it('answers in AWS JSON 1.1 with a request id and a Date from its own clock', async () => {
    const { emulator, clock } = setup();
    const response = answer(await emulator.handle(await putRecordBatch(['a\n'], clock())));
    assert.equal(response.status, 200);
    assert.equal(response.headers['Content-Type'], 'application/x-amz-json-1.1');
    assert.match(response.headers['x-amzn-RequestId'] ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(response.headers.Date, 'Sun, 14 Feb 2027 01:00:00 GMT');
  });

  it('answers unknown targets, and bodies that are not JSON, in AWS error shape', async () => {
    const { emulator } = setup();
    const unknown = answer(await emulator.handle(cognitoCall('ListIdentityPools', {})));
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json.__type, 'UnknownOperationException');
    assert.equal(unknown.headers['x-amzn-ErrorType'], 'UnknownOperationException');
    const garbled = answer(await emulator.handle({ ...cognitoCall('GetId', {}), body: new TextEncoder().encode('{') }));
    assert.equal(garbled.json.__type, 'SerializationException');
  });

  it('describes each stream with its own error output prefix, errors/ when it names none', async () => {
    const { emulator, clock } = setup({
      streams: [{ name: 'entries-0', errorPrefix: 'failed/entries-0/' }, { name: 'entries-1' }],
    });
    const errorPrefixOf = async (stream: string) => {
      const request = await signedFirehoseCall(KEY, {
        at: clock(),
        body: JSON.stringify({ DeliveryStreamName: stream }),
        extraHeaders: { 'x-amz-target': 'Firehose_20150804.DescribeDeliveryStream' },
      });
      const described = answer(
        await emulator.handle({ method: 'POST', url: request.url.href, headers: request.headers, body: request.body }),
      ).json as {
        DeliveryStreamDescription: { Destinations: { ExtendedS3DestinationDescription: Record<string, unknown> }[] };
      };
      return described.DeliveryStreamDescription.Destinations[0]?.ExtendedS3DestinationDescription.ErrorOutputPrefix;
    };
    assert.equal(await errorPrefixOf('entries-0'), 'failed/entries-0/');
    assert.equal(await errorPrefixOf('entries-1'), 'errors/');
  });

  it('adds latency through the injected sleep', async () => {
    const waits: number[] = [];
    const { emulator } = setup({ faults: { latencyMs: 250 }, sleep: async (ms) => void waits.push(ms) });
    await emulator.handle(cognitoCall('GetId', { IdentityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000' }));
    assert.deepEqual(waits, [250]);
  });

  it('serves pools in several regions, each with its own GetId quota, and issues identities in the pool region', async () => {
    const east1 = 'us-east-1:00000000-0000-4000-8000-000000000001';
    const east2 = 'us-east-2:00000000-0000-4000-8000-000000000002';
    const west2 = 'us-west-2:00000000-0000-4000-8000-000000000003';
    const { emulator } = setup({
      quotas: { getIdPerSecond: 2 },
      pools: [
        { id: east1, quotas: { getIdPerSecond: 0 } },
        { id: east2, region: 'us-east-2' },
        { id: west2, region: 'us-west-2' },
      ],
    });
    const getId = async (pool: string) => answer(await emulator.handle(cognitoCall('GetId', { IdentityPoolId: pool })));
    assert.equal((await getId(east1)).json.__type, 'TooManyRequestsException');
    const ids = [await getId(east2), await getId(east2), await getId(west2), await getId(west2)];
    assert.deepEqual(
      ids.map((id) => String(id.json.IdentityId).split(':')[0]),
      ['us-east-2', 'us-east-2', 'us-west-2', 'us-west-2'],
    );
    assert.equal((await getId(east2)).json.__type, 'TooManyRequestsException', 'us-east-2 used its 2 a second');
    const credentials = answer(
      await emulator.handle(cognitoCall('GetCredentialsForIdentity', { IdentityId: ids[2]?.json.IdentityId })),
    );
    assert.equal(credentials.status, 200);
    assert.deepEqual(
      emulator.stats().pools.map((pool) => pool.region),
      [undefined, 'us-east-2', 'us-west-2'],
    );
  });

  it('refuses a pool whose id is not in its region', () => {
    assert.throws(
      () => setup({ pools: [{ id: 'us-east-2:00000000-0000-4000-8000-000000000002', region: 'us-west-2' }] }),
      /must look like "us-west-2:/u,
    );
  });

  it('drops every request of both services while offline', async () => {
    const { emulator, clock } = setup({ faults: { offline: true } });
    assert.equal(await emulator.handle(cognitoCall('GetId', {})), 'drop');
    assert.equal(await emulator.handle(await putRecordBatch(['a\n'], clock())), 'drop');
    emulator.setFaults({ offline: false });
    assert.equal(answer(await emulator.handle(await putRecordBatch(['a\n'], clock()))).status, 200);
  });

  it('writes a buffer once its interval passes on the emulator clock', async () => {
    const { emulator, clock, sink } = setup({ buffering: { intervalMs: 60_000 } });
    await emulator.handle(await putRecordBatch(['a\n', 'b\n'], clock()));
    clock.advance(59_000);
    emulator.tick();
    assert.equal(emulator.stats().firehose['entries-0']?.bufferedRecords, 2);
    clock.advance(1_000);
    emulator.tick();
    await emulator.flush();
    assert.equal(sink.objects().length, 1);
    assert.equal(emulator.stats().firehose['entries-0']?.deliveredRecords, 2);
  });

  it('keeps a per-second history of the last five minutes', async () => {
    const { emulator, clock } = setup();
    await emulator.handle(await putRecordBatch(['a\n'], clock()));
    clock.advance(1000);
    await emulator.handle(await putRecordBatch(['b\n', 'c\n'], clock()));
    const { history } = emulator.stats();
    assert.deepEqual(
      history.map((second) => second.streams['entries-0']?.records),
      [1, 2],
    );
    clock.advance(300_000);
    assert.deepEqual(emulator.stats().history, []);
    assert.equal(emulator.stats().firehose['entries-0']?.records, 3);
  });

  it('gives the same faults again after reset, and restores the initial settings', async () => {
    const { emulator, clock } = setup({ faults: { recordFailureRate: 0.5 } });
    const failures = async () => {
      const response = answer(
        await emulator.handle(await putRecordBatch(['1\n', '2\n', '3\n', '4\n', '5\n', '6\n'], clock())),
      );
      return (response.json.RequestResponses as { ErrorCode?: string }[]).map((entry) => entry.ErrorCode ?? 'ok');
    };
    const first = await failures();
    emulator.setFaults({ recordFailureRate: 0 });
    emulator.reset();
    assert.deepEqual(await failures(), first);
    assert.equal(emulator.stats().faults.recordFailureRate, 0.5);
  });

  it('answers preflights without looking at faults other than drops', async () => {
    const { emulator } = setup({ faults: { throttleRate: 1 } });
    const response = answer(
      await emulator.handle({
        method: 'OPTIONS',
        url: 'https://firehose.us-east-1.amazonaws.com/',
        headers: {
          'access-control-request-headers': 'authorization,x-amz-target',
          'access-control-request-method': 'POST',
        },
        body: new Uint8Array(),
      }),
    );
    assert.equal(response.status, 200);
    assert.equal(response.headers['Access-Control-Allow-Headers'], 'authorization, x-amz-target');
  });

  it('refuses preflights asking for headers AWS would not allow', async () => {
    const { emulator } = setup();
    const response = answer(
      await emulator.handle({
        method: 'OPTIONS',
        url: '/',
        headers: { 'access-control-request-headers': 'x-custom' },
        body: new Uint8Array(),
      }),
    );
    assert.doesNotMatch(response.headers['Access-Control-Allow-Headers'] ?? '', /x-custom/);
  });
});
