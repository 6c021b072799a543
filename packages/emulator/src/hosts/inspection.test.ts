import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { type AwsTestBed, createTestBed, manualClock, putBatch, testBedOptions } from '../testing/aws-test-bed.js';
import { readGzipObjects } from '../testing/gzip-objects.js';
import { isLoopbackRequest } from './inspection.js';
import { type RunningEmulator, startEmulator } from './server.js';

describe('inspection API (/_emulator/)', () => {
  let running: RunningEmulator;
  let bed: AwsTestBed;
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'emulator-inspection-'));
    const clock = manualClock();
    running = await startEmulator({ ...testBedOptions(clock), dataDir });
    bed = createTestBed(running.emulator, clock, running.url);
  });
  after(async () => {
    await running.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => running.emulator.reset());

  const api = (path: string, init?: RequestInit) => fetch(`${running.url}/_emulator/${path}`, init);

  it('lists acknowledged records, by stream and from an offset', async () => {
    const client = await bed.firehose();
    await putBatch(client, 3, 'entries-0');
    await putBatch(client, 1, 'entries-1');
    const all = (await (await api('records')).json()) as { total: number; records: { stream: string }[] };
    assert.equal(all.total, 4);
    const some = (await (await api('records?stream=entries-0&offset=2')).json()) as typeof all;
    assert.equal(some.total, 3);
    assert.deepEqual(
      some.records.map((record) => record.stream),
      ['entries-0'],
    );
  });

  it('reports counters, per-second history and the quotas in force (null when lifted)', async () => {
    await api('quotas', { method: 'PUT', body: JSON.stringify({ requestsPerSecond: 1, bytesPerSecond: false }) });
    const client = await bed.firehose();
    await putBatch(client, 2);
    await assert.rejects(putBatch(client));
    const stats = (await (await api('stats')).json()) as {
      quotas: { requestsPerSecond: number; bytesPerSecond: number | null };
      firehose: Record<string, { requests: number; records: number; throttled: number; bufferedRecords: number }>;
      history: { streams: Record<string, { requests: number }> }[];
    };
    assert.equal(stats.quotas.requestsPerSecond, 1);
    assert.equal(stats.quotas.bytesPerSecond, null);
    assert.deepEqual(
      { ...stats.firehose['entries-0'] },
      { ...stats.firehose['entries-0'], requests: 2, records: 2, throttled: 1, bufferedRecords: 2 },
    );
    assert.equal(stats.history.at(-1)?.streams['entries-0']?.requests, 2);
  });

  it('changes faults at run time and refuses unknown ones with 400', async () => {
    const set = await api('faults', { method: 'PUT', body: JSON.stringify({ throttleRate: 1 }) });
    assert.deepEqual(((await set.json()) as { faults: { throttleRate: number } }).faults.throttleRate, 1);
    await assert.rejects(putBatch(await bed.firehose()), { name: 'ServiceUnavailableException' });
    const bad = await api('faults', { method: 'PUT', body: JSON.stringify({ chaos: 1 }) });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: string }).error, /unknown fault "chaos"/);
  });

  it('expires credentials on demand', async () => {
    const client = await bed.firehose();
    await api('expire-credentials', { method: 'POST' });
    await assert.rejects(putBatch(client), { name: 'ExpiredTokenException' });
  });

  it('pauses guest intake like the circuit breaker: AccessDeniedException until resumed, nothing accepted meanwhile', async () => {
    const client = await bed.firehose();
    assert.deepEqual(await (await api('pause', { method: 'POST' })).json(), { paused: true });
    const before = running.emulator.records().length;
    await assert.rejects(putBatch(client), (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
      assert.equal(error.name, 'AccessDeniedException');
      assert.match(error.message, /is not authorized to perform: firehose:PutRecordBatch .* with an explicit deny/u);
      assert.equal(error.$metadata?.httpStatusCode, 400);
      return true;
    });
    assert.equal(running.emulator.records().length, before, 'nothing accepted while paused');
    const stats = (await (await api('stats')).json()) as { intake: { paused: boolean; deniedCalls: number } };
    assert.deepEqual(stats.intake, { paused: true, deniedCalls: 1 });
    await api('resume', { method: 'POST' });
    await putBatch(client);
    assert.ok(running.emulator.records().length > before, 'accepted again once resumed');
  });

  it('flushes buffered records to gzip files in Firehose key layout', async () => {
    const client = await bed.firehose();
    await putBatch(client, 3, 'entries-1');
    assert.equal((await api('flush', { method: 'POST' })).status, 200);
    const object = (await readGzipObjects(join(dataDir, 's3'))).find(({ path }) => path.includes('entries-1-1-'));
    assert.match(
      object?.path ?? '',
      /^campaign-entries\/entries\/\d{4}\/\d{2}\/\d{2}\/\d{2}\/entries-1-1-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-[0-9a-f-]{36}\.gz$/,
    );
    const text = object?.text;
    assert.equal(
      text,
      running.emulator
        .records('entries-1')
        .map((record) => record.data)
        .join(''),
    );
  });

  it('refuses cross-origin pages (no drive-by resets)', async () => {
    const response = await api('reset', { method: 'POST', headers: { Origin: 'https://elsewhere.example' } });
    assert.equal(response.status, 403);
    const sandboxed = await api('reset', { method: 'POST', headers: { Origin: 'null' } });
    assert.equal(sandboxed.status, 403);
  });

  it('answers unknown endpoints with 404 and the list of endpoints', async () => {
    const response = await api('nothing');
    assert.equal(response.status, 404);
    assert.ok(((await response.json()) as { endpoints: string[] }).endpoints.includes('GET /_emulator/stats'));
  });
});

describe('isLoopbackRequest (the inspection API’s and the demo’s /api/ guard)', () => {
  const allowed = (headers: Record<string, string>) => isLoopbackRequest(new Headers(headers));
  it('lets a loopback Host in, from no page or a same-origin one', () => {
    assert.equal(allowed({ host: '127.0.0.1:4599' }), true);
    assert.equal(allowed({ host: '[::1]:4599' }), true);
    assert.equal(allowed({ host: 'localhost:4599', origin: 'http://localhost:4599' }), true);
  });
  it('refuses another Host (DNS rebinding), a cross-origin page, Origin null and a garbled or missing Host', () => {
    assert.equal(allowed({ host: 'rebound.example:4599' }), false);
    assert.equal(allowed({ host: '127.0.0.1:4599', origin: 'https://evil.example' }), false);
    assert.equal(allowed({ host: '127.0.0.1:4599', origin: 'null' }), false);
    assert.equal(allowed({ host: 'a b' }), false);
    assert.equal(allowed({}), false);
  });
});
