// The delivery rules, end to end through createCampaignClient with in-memory twins and a manual clock.
import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'node:test';
import { createSeededRandom } from '@campaign-entry/emulator';
import type { EntryStore } from './adapters/entry-store.js';
import { createMemoryStore } from './adapters/memory-store.js';
import { createMemoryTransport, type MemoryTransportBehaviour, type RecordResult } from './adapters/transport.js';
import { type CampaignClient, createCampaignClient } from './client.js';
import type { CampaignClientConfig } from './config.js';
import type { CampaignClientEventMap } from './events.js';
import { createManualTime } from './testing/manual-time.js';

const valid = (name = 'Ada Lovelace') => ({ fields: { name, email: 'ada@example.com' }, consent: { rules: true } });
const ok = (lines: readonly string[]): RecordResult[] => lines.map((_, index) => ({ ok: true, recordId: `r${index}` }));
const throttled = () =>
  Object.assign(new Error('Slow down.'), { name: 'ServiceUnavailableException', $metadata: { httpStatusCode: 503 } });

// The client loads its delivery loop with a dynamic import. Load it once up front, so a test's manual clock never
// races the first (real-time) module load on a busy machine.
before(async () => {
  await import('./delivery-loop.js');
});

const clients: CampaignClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
});

function setup(behaviour?: MemoryTransportBehaviour, overrides: Partial<CampaignClientConfig> = {}) {
  const time = createManualTime();
  const transport = createMemoryTransport(behaviour);
  const store = (overrides.storage as EntryStore | undefined) ?? createMemoryStore();
  let ids = 0;
  const client = createCampaignClient({
    region: 'us-east-1',
    identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000',
    deliveryStreams: ['entries-0', 'entries-1'],
    campaignId: 'test',
    transport,
    clock: time.now,
    timers: time.timers,
    random: createSeededRandom(7),
    randomId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    watchPage: false,
    ...overrides,
    storage: store,
  });
  clients.push(client);
  const events: { [K in keyof CampaignClientEventMap]: CampaignClientEventMap[K][] } = {
    queued: [],
    delivered: [],
    retrying: [],
    failed: [],
    drained: [],
    limit: [],
  };
  for (const name of Object.keys(events) as (keyof CampaignClientEventMap)[]) {
    client.on(name, (event) => (events[name] as unknown[]).push(event));
  }
  return { time, transport, store, client, events };
}

/** Submits and lets time pass until the receipt arrives. */
async function submit(
  client: CampaignClient,
  time: ReturnType<typeof createManualTime>,
  input = valid(),
  options = {},
) {
  const receipt = client.submit(input, options);
  let settled = false;
  void receipt.then(() => (settled = true));
  for (let step = 0; step < 100 && !settled; step++) await time.advance(100);
  return receipt;
}

function entryIdsOf(lines: readonly { line: string }[]) {
  return lines.map(({ line }) => (JSON.parse(line) as { entryId: string }).entryId);
}

describe('createCampaignClient', () => {
  it('stores the entry before sending it, and answers delivered once Firehose acknowledged that record', async () => {
    const seenInStore: number[] = [];
    const { client, time, transport, store, events } = setup(async (_stream, lines) => {
      seenInStore.push((await store.list()).length);
      return ok(lines);
    });
    const receipt = await submit(client, time);
    assert.equal(receipt.status, 'delivered');
    assert.deepEqual(seenInStore, [1]);
    assert.equal(await client.pending(), 0);
    assert.equal(transport.accepted.length, 1);
    assert.equal(receipt.status === 'delivered' && receipt.record.fields.name, 'Ada Lovelace');
    assert.equal(events.queued.length, 1);
    assert.equal(events.delivered[0]?.entryId, receipt.status === 'delivered' ? receipt.entryId : '');
    assert.deepEqual(events.drained, [{ delivered: 1 }]);
  });

  it('stores nothing and sends nothing for invalid input, listing every issue', async () => {
    const { client, transport, store } = setup();
    const receipt = await client.submit({ fields: { name: '<b>x</b>', email: 'x' }, consent: { rules: false } });
    assert.equal(receipt.status, 'invalid');
    assert.deepEqual(receipt.status === 'invalid' && receipt.issues.map((issue) => issue.code), [
      'invalid-characters',
      'invalid-format',
      'consent-required',
    ]);
    assert.equal((await store.list()).length, 0);
    assert.equal(transport.calls, 0);
  });

  it('retries only the records that failed in a partial failure, and never resends an acknowledged one', async () => {
    const { client, time, transport, events } = setup(
      (_stream, lines, call) =>
        lines.map((_, index) =>
          call === 1 && index % 2 === 0
            ? { ok: false, errorCode: 'InternalFailure', errorMessage: 'oops' }
            : { ok: true, recordId: `${call}-${index}` },
        ),
      { deliveryStreams: 'entries-0' },
    );
    const receipts = await Promise.all(
      Array.from({ length: 6 }, (_, index) => submit(client, time, valid(`Entrant ${index}`))),
    );
    await time.advance(30_000);
    assert.equal(await client.pending(), 0);
    const ids = entryIdsOf(transport.accepted);
    assert.equal(ids.length, 6);
    assert.equal(new Set(ids).size, 6, 'each entry acknowledged exactly once');
    assert.ok(events.retrying.length >= 1);
    assert.ok(receipts.every((receipt) => receipt.status === 'delivered' || receipt.status === 'queued'));
  });

  it('backs off on whole-call throttling, fails over to the other stream, and answers queued in time', async () => {
    const streamsTried: string[] = [];
    let start = 0;
    const { client, time, transport, events } = setup((stream, lines) => {
      streamsTried.push(stream);
      if (time.now() < start + 5000) throw throttled();
      return ok(lines);
    });
    start = time.now();
    const receipt = await submit(client, time);
    assert.equal(receipt.status, 'queued');
    assert.ok(receipt.status === 'queued' && receipt.storage === 'memory');
    await time.advance(60_000);
    assert.equal(transport.accepted.length, 1);
    assert.ok(new Set(streamsTried).size === 2, `tried ${streamsTried.join(',')}`);
    assert.ok(events.retrying.every((event) => event.error.code === 'throttled' && (event.delayMs ?? 0) <= 20_000));
    assert.equal(receipt.status === 'queued' && (await receipt.delivery).entryId, receipt.entryId);
  });

  it('gets guest credentials before sending a batch, and backs off longer while Cognito throttles', async () => {
    const memory = createMemoryTransport();
    let cognitoCalls = 0;
    let until = 0;
    const transport = {
      ...memory,
      putRecordBatch: memory.putRecordBatch,
      async prepare() {
        cognitoCalls++;
        if (time.now() < until) throw Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });
      },
    };
    const { client, time, events } = setup(undefined, { transport });
    until = time.now() + 30_000;
    const receipt = await submit(client, time);
    assert.equal(receipt.status, 'queued');
    assert.equal(memory.calls, 0, 'no batch while Cognito refuses credentials');
    for (let step = 0; step < 200 && memory.accepted.length === 0; step++) await time.advance(1_000);
    assert.equal(memory.accepted.length, 1);
    assert.equal(memory.calls, 1);
    assert.ok(events.retrying.length >= 2 && events.retrying.every((event) => event.error.code === 'throttled'));
    // Waits grow from Cognito's 2 s base (Firehose's is 0.3 s): far fewer calls than seconds throttled.
    assert.ok(cognitoCalls <= 8, `${cognitoCalls} credential calls in 30 s`);
    assert.ok(events.retrying.some((event) => (event.delayMs ?? 0) > 1_000));
  });

  it('answers queued at once while the device is offline, without waiting for an acknowledgement', async () => {
    const { client, time, transport } = setup(() => new Promise<never>(() => {}), { online: () => false });
    const started = time.now();
    const receipt = client.submit(valid());
    let settled = false;
    void receipt.then(() => (settled = true));
    for (let step = 0; step < 100 && !settled; step++) await time.advance(0);
    assert.equal(settled, true, 'answered with no time passing');
    assert.equal((await receipt).status, 'queued');
    assert.equal(time.now(), started);
    assert.equal(transport.accepted.length, 0);
  });

  it('keeps one flush in flight: concurrent submits never overlap calls', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const { client, time, transport } = setup(
      async (_stream, lines) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        return ok(lines);
      },
      { deliveryStreams: 'entries-0' },
    );
    await Promise.all(Array.from({ length: 20 }, (_, index) => submit(client, time, valid(`E ${index}`))));
    await time.advance(1000);
    assert.equal(maxInFlight, 1);
    assert.equal(transport.accepted.length, 20);
    assert.ok(transport.calls < 20, `batched into ${transport.calls} calls`);
  });

  it('reports errors only an operator can fix, keeps the entry, and tries again later', async () => {
    let denied = true;
    const { client, time, transport, events } = setup((_stream, lines) => {
      if (denied)
        throw Object.assign(new Error('not authorized to perform firehose:PutRecordBatch'), {
          name: 'AccessDeniedException',
        });
      return ok(lines);
    });
    const receipt = await submit(client, time);
    assert.equal(receipt.status, 'queued');
    assert.equal(events.failed.length, 1);
    assert.equal(events.failed[0]?.error.code, 'access-denied');
    assert.equal(await client.pending(), 1);
    denied = false;
    await time.advance(300_000);
    assert.equal(transport.accepted.length, 1);
    assert.equal(await client.pending(), 0);
  });

  it('reports each failure with exactly one event: failed for an operator, retrying for the rest', async () => {
    let failure: 'denied' | 'throttled' | undefined = 'denied';
    const { client, time, events } = setup((_stream, lines) => {
      if (failure === 'denied') throw Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' });
      if (failure === 'throttled') throw throttled();
      return ok(lines);
    });
    await submit(client, time);
    assert.equal(events.failed.length, 1);
    assert.match(events.failed[0]?.error.message ?? '', /Operator:/u);
    assert.equal(events.retrying.length, 0);
    failure = 'throttled';
    await time.advance(300_000);
    assert.equal(events.failed.length, 1, 'a retryable failure is not reported as failed');
    assert.ok(events.retrying.length >= 1);
    assert.ok(events.retrying.every((event) => event.error.code === 'throttled'));
    failure = undefined;
    await time.advance(60_000);
    assert.equal(await client.pending(), 0);
  });

  it('parks entries after the retry deadline; flush() sends them', async () => {
    let down = true;
    const { client, time, transport, events } = setup(
      (_stream, lines) => {
        if (down) throw new TypeError('Failed to fetch');
        return ok(lines);
      },
      { retry: { deadlineMs: 5_000, maxDelayMs: 1_000 } },
    );
    await submit(client, time);
    await time.advance(20_000);
    assert.equal(events.retrying.at(-1)?.delayMs, null);
    const calls = transport.calls;
    await time.advance(60_000);
    assert.equal(transport.calls, calls, 'no more attempts once parked');
    down = false;
    assert.deepEqual(await client.flush(), { pending: 0 });
    assert.equal(transport.accepted.length, 1);
  });

  it('treats a double submit with the same entryId as one entry', async () => {
    const { client, time, transport } = setup();
    const entryId = '11111111-1111-4111-8111-111111111111';
    const [a, b] = await Promise.all([
      submit(client, time, valid(), { entryId }),
      submit(client, time, valid(), { entryId }),
    ]);
    await time.advance(5000);
    assert.equal(a, b);
    assert.equal(transport.accepted.length, 1);
  });

  it('refuses new entries when the device queue is full, with a limit event', async () => {
    const { client, time, events } = setup(
      () => {
        throw new TypeError('Failed to fetch');
      },
      { maxStoredEntries: 2 },
    );
    await submit(client, time, valid('A'));
    await submit(client, time, valid('B'));
    const third = await submit(client, time, valid('C'));
    assert.equal(third.status, 'rejected');
    assert.equal(third.status === 'rejected' && third.error.code, 'queue-full');
    assert.equal(events.limit[0]?.limit, 'count');
    assert.equal(await client.pending(), 2);
  });

  it('resumes entries an earlier visit left stored', async () => {
    const store = createMemoryStore();
    const first = setup(
      () => {
        throw new TypeError('Failed to fetch');
      },
      { storage: store },
    );
    await submit(first.client, first.time);
    first.client.dispose();
    const left = (await store.list()).map((entry) => entry.entryId);
    assert.equal(left.length, 1);
    const second = setup(undefined, { storage: store });
    // Nothing calls the second client: it must find the stored entry and load the delivery code by itself.
    // The delivery loop arrives by dynamic import, which on a loaded machine takes real time: wait for the send itself
    // (bounded by a real-time deadline), moving the manual clock on meanwhile.
    const deadline = Date.now() + 30_000;
    while (second.transport.accepted.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await second.time.advance(100);
    }
    assert.deepEqual(entryIdsOf(second.transport.accepted), left, 'the same entryId, not a new entry');
    assert.equal((await store.list()).length, 0);
  });

  it('reads the whole store once while it is the only sender, then only what it sends', async () => {
    const memory = createMemoryStore();
    let lists = 0;
    const store: EntryStore = {
      ...memory,
      list: () => {
        lists++;
        return memory.list();
      },
    };
    let call = 0;
    // Every other call fails its second record: partial failures, retried.
    const { client, time, transport } = setup(
      (_stream, lines) =>
        lines.map((_, index) =>
          ++call % 2 === 0 && index === 1
            ? { ok: false, errorCode: 'ServiceUnavailableException', errorMessage: 'Slow down.' }
            : { ok: true, recordId: `r${call}-${index}` },
        ),
      { storage: store },
    );
    await Promise.all(Array.from({ length: 12 }, (_, index) => submit(client, time, valid(`Entrant ${index}`))));
    const deadline = Date.now() + 30_000;
    while ((await store.count()) > 0 && Date.now() < deadline) await time.advance(500);
    assert.equal(await store.count(), 0);
    assert.equal(new Set(entryIdsOf(transport.accepted)).size, 12);
    assert.equal(lists, 1, 'one full read, when the loop started');
  });

  it('sends a backlog in key order and deletes it behind every stream: what is gone is always the lowest ids', async () => {
    const memory = createMemoryStore();
    const ids = Array.from(
      { length: 600 },
      (_, index) => `00000000-0000-4000-8000-${String((index * 7919) % 600).padStart(12, '0')}`,
    );
    for (const [index, entryId] of ids.entries()) {
      const line = `${JSON.stringify({ entryId })}\n`;
      await memory.put({ entryId, line, bytes: line.length, storedAt: Date.UTC(2027, 1, 14) + index });
    }
    const sorted = [...ids].sort();
    const acknowledgedAtDeletion: string[][] = [];
    const deletions: string[][] = [];
    const store: EntryStore = {
      ...memory,
      delete: (entryIds) => {
        deletions.push([...entryIds]);
        acknowledgedAtDeletion.push(entryIdsOf(transport.accepted));
        return memory.delete(entryIds);
      },
    };
    const { time, transport } = setup(undefined, { storage: store, batch: { maxRecords: 50 } });
    const deadline = Date.now() + 30_000;
    while ((await memory.count()) > 0 && Date.now() < deadline) await time.advance(100);
    assert.equal(await memory.count(), 0);
    for (const stream of ['entries-0', 'entries-1']) {
      const sent = entryIdsOf(transport.accepted.filter((record) => record.stream === stream));
      assert.deepEqual(sent, [...sent].sort(), `${stream} sends in key order`);
    }
    let gone = 0;
    deletions.forEach((deleted, index) => {
      const acknowledged = new Set(acknowledgedAtDeletion[index]);
      assert.ok(
        deleted.every((id) => acknowledged.has(id)),
        'only what Firehose acknowledged',
      );
      gone += deleted.length;
      assert.deepEqual(
        [...new Set(deletions.slice(0, index + 1).flat())].sort(),
        sorted.slice(0, gone),
        'the lowest ids',
      );
    });
    assert.equal(gone, 600, 'each entry deleted once');
    assert.ok(deletions.length < transport.calls, 'fewer deletions than calls');
  });

  it('finds entries another page stored without telling it, by their count', async () => {
    const store = createMemoryStore();
    const { client, time, transport } = setup(undefined, { storage: store });
    await submit(client, time);
    const line = transport.accepted[0]?.line ?? '';
    const other = { entryId: '00000000-0000-4000-8000-0000000000ff', line, bytes: line.length, storedAt: time.now() };
    await store.put(other);
    await client.flush();
    assert.deepEqual(entryIdsOf(transport.accepted).length, 2);
    assert.equal(await store.count(), 0);
  });

  it('falls back to memory when durable storage refuses the write, and says so', async () => {
    const broken: EntryStore = {
      kind: 'indexeddb',
      put: async () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      list: async () => [],
      count: async () => 0,
      delete: async () => {},
    };
    const { client, time, events } = setup(
      () => {
        throw new TypeError('Failed to fetch');
      },
      { storage: broken },
    );
    const receipt = await submit(client, time);
    assert.equal(receipt.status, 'queued');
    assert.equal(receipt.status === 'queued' && receipt.storage, 'memory');
    assert.equal(events.queued[0]?.storage, 'memory');
    assert.equal(await client.storage(), 'memory');
  });

  it('refreshes credentials and corrects the clock when AWS says so, then retries at once', async () => {
    const calls: string[] = [];
    const transport = createMemoryTransport((_stream, lines, call) => {
      if (call === 1)
        throw Object.assign(new Error('The security token included in the request is expired'), {
          name: 'ExpiredTokenException',
        });
      if (call === 2)
        throw Object.assign(
          new Error(
            'Signature expired: 20270214T004500Z is now earlier than 20270214T005500Z (20270214T011500Z - 5 min.)',
          ),
          { name: 'InvalidSignatureException' },
        );
      return ok(lines);
    });
    transport.invalidateCredentials = () => calls.push('invalidate');
    transport.correctClock = (serverTime) => calls.push(`clock ${new Date(serverTime).toISOString()}`);
    const { client, time } = setup(undefined, { transport });
    const receipt = await submit(client, time);
    assert.equal(receipt.status, 'delivered');
    assert.deepEqual(calls, ['invalidate', 'clock 2027-02-14T01:15:00.000Z']);
  });

  it('rejects an unusable configuration with every problem named', () => {
    assert.throws(
      () =>
        createCampaignClient({
          region: 'moon-1',
          identityPoolId: 'nope',
          deliveryStreams: ' , ',
          campaignId: '',
          country: 'Narnia',
        }),
      (error: Error & { code?: string }) =>
        error.name === 'CampaignEntryError' &&
        error.code === 'invalid-config' &&
        /region "moon-1"/.test(error.message) &&
        /identityPoolId "nope"/.test(error.message) &&
        /names no stream/.test(error.message) &&
        /country "Narnia"/.test(error.message) &&
        /campaignId/.test(error.message),
    );
  });
});
