// The SDK in real browsers: the real AWS SDK chunk, guest credentials from the emulator's Cognito, records into the
// emulator's Firehose through msw. Every test asserts on what the emulator actually acknowledged.
import type { Emulator } from '@campaign-entry/emulator';
import { expect } from '@open-wc/testing';
import {
  acknowledgedIds,
  disposeClients,
  emulatorClient,
  freshCampaignId,
  until,
  useEmulator,
  validEntry,
} from './testing/browser-emulator.js';

function firehoseCalls(emulator: Emulator): number {
  return Object.values(emulator.stats().firehose).reduce((sum, stream) => sum + stream.requests, 0);
}

/** Each entryId exactly once: nothing lost, no duplicate. */
function expectExactlyOnce(acknowledged: string[], submitted: string[]) {
  expect([...acknowledged].sort()).to.deep.equal([...submitted].sort());
}

describe('createCampaignClient in the browser, against the emulator', () => {
  afterEach(() => disposeClients());

  it('gets guest credentials, stores the entry in IndexedDB and answers delivered with the record Firehose got', async () => {
    const emulator = await useEmulator();
    const client = emulatorClient();
    const receipt = await client.submit(validEntry());
    expect(receipt.status).to.equal('delivered');
    if (receipt.status !== 'delivered') return;
    expect(emulator.records().map((record) => record.data)).to.deep.equal([`${JSON.stringify(receipt.record)}\n`]);
    expect(client.events.queued[0]?.storage).to.equal('indexeddb');
    expect(await client.pending()).to.equal(0);
    expect(emulator.stats().cognito.getId).to.equal(1);
  });

  it('costs one Firehose call per submit once prefetched, and asks Cognito for an identity once per device', async () => {
    const emulator = await useEmulator();
    const campaignId = freshCampaignId();
    const first = emulatorClient({ campaignId });
    await first.prefetch();
    const callsBefore = firehoseCalls(emulator);
    expect((await first.submit(validEntry())).status).to.equal('delivered');
    const callsAfter = firehoseCalls(emulator);
    expect(callsAfter - callsBefore).to.equal(1);
    first.dispose();
    const second = emulatorClient({ campaignId });
    expect((await second.submit(validEntry('Grace Hopper'))).status).to.equal('delivered');
    expect(emulator.stats().cognito.getId, 'identity id reused from IndexedDB').to.equal(1);
  });

  it('makes one Firehose call per delivery attempt: the AWS client never retries on its own', async () => {
    const emulator = await useEmulator({ faults: { serverErrorRate: 1 } });
    // The planned retry is a minute away, so no second attempt can start while the test looks (a 20 ms backoff raced
    // the poll on a loaded machine).
    const client = emulatorClient({
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000, deadlineMs: 600_000, operatorFixDelayMs: 600_000 },
    });
    await client.prefetch();
    void client.submit(validEntry());
    await until(() => client.events.retrying.length > 0, 'the first retry to be planned');
    client.dispose(); // no further attempt
    expect(client.events.retrying).to.have.length(1);
    expect(firehoseCalls(emulator)).to.equal(1);
  });

  it('retries every record that failed inside a 200 answer and never resends an acknowledged one', async () => {
    const emulator = await useEmulator({ faults: { recordFailureRate: 0.5 } });
    const client = emulatorClient();
    const receipts = await Promise.all(
      Array.from({ length: 30 }, (_, index) => client.submit(validEntry(`Entrant ${index}`))),
    );
    const submitted = receipts.map((receipt) =>
      receipt.status === 'delivered' || receipt.status === 'queued' ? receipt.entryId : '',
    );
    await until(async () => (await client.pending()) === 0, 'the queue to drain');
    expectExactlyOnce(acknowledgedIds(emulator), submitted);
    expect(client.events.retrying.length).to.be.greaterThan(0);
    expect(
      Object.values(emulator.stats().firehose).reduce((sum, stream) => sum + stream.failedRecords, 0),
    ).to.be.greaterThan(0);
  });

  // Cognito's own backoff (2 s … 120 s) is for a saturated quota; against 70 % refusals at random (GetId and
  // GetCredentialsForIdentity each) a client needs many tries and could take minutes. What this checks is exactly-once,
  // not timing, so that case spaces its tries closely (up to 2 s).
  const closeSpacing = { retry: { identityBaseDelayMs: 100, identityMaxDelayMs: 2_000 } };
  for (const [label, faults, config] of [
    ['whole-call throttling', { throttleRate: 0.6 }, {}],
    ['5xx answers', { serverErrorRate: 0.6 }, {}],
    ['Cognito throttling', { cognitoThrottleRate: 0.7 }, closeSpacing],
    ['dropped connections', { dropRate: 0.5 }, {}],
  ] as const) {
    it(`delivers every entry exactly once through ${label}`, async () => {
      const emulator = await useEmulator({ faults });
      const client = emulatorClient(config);
      const receipts = await Promise.all(
        Array.from({ length: 10 }, (_, index) => client.submit(validEntry(`E${index}`))),
      );
      await until(async () => (await client.pending()) === 0, 'the queue to drain');
      expectExactlyOnce(
        acknowledgedIds(emulator),
        receipts.map((receipt) =>
          receipt.status === 'delivered' || receipt.status === 'queued' ? receipt.entryId : '',
        ),
      );
    });
  }

  it('answers queued while offline, then delivers when the browser is back online', async () => {
    const emulator = await useEmulator({ faults: { offline: true } });
    const client = emulatorClient({
      receiptTimeoutMs: 300,
      retry: { baseDelayMs: 20, maxDelayMs: 100, deadlineMs: 300, operatorFixDelayMs: 500 },
    });
    const receipt = await client.submit(validEntry());
    expect(receipt.status).to.equal('queued');
    if (receipt.status !== 'queued') return;
    expect(receipt.storage).to.equal('indexeddb');
    await until(() => client.events.retrying.some((event) => event.delayMs === null), 'the entry to be parked');
    expect(emulator.records()).to.have.length(0);
    emulator.setFaults({ offline: false });
    window.dispatchEvent(new Event('online'));
    const delivered = await receipt.delivery;
    expect(delivered.entryId).to.equal(receipt.entryId);
    expect(acknowledgedIds(emulator)).to.deep.equal([receipt.entryId]);
  });

  it('sends entries a previous page load left in storage, with their original entryId', async () => {
    const emulator = await useEmulator({ faults: { offline: true } });
    const campaignId = freshCampaignId();
    const before = emulatorClient({ campaignId, receiptTimeoutMs: 200 });
    const receipts = await Promise.all([before.submit(validEntry('A')), before.submit(validEntry('B'))]);
    before.dispose(); // the page is reloaded
    emulator.setFaults({ offline: false });
    const after = emulatorClient({ campaignId });
    await until(() => emulator.records().length === 2, 'both stored entries');
    expectExactlyOnce(
      acknowledgedIds(emulator),
      receipts.map((receipt) => (receipt.status === 'queued' ? receipt.entryId : '')),
    );
    await until(async () => (await after.pending()) === 0);
  });

  it('fetches new credentials when they expire mid-run', async () => {
    const emulator = await useEmulator();
    const client = emulatorClient();
    expect((await client.submit(validEntry('First'))).status).to.equal('delivered');
    emulator.expireAllCredentials();
    expect((await client.submit(validEntry('Second'))).status).to.equal('delivered');
    expect(emulator.stats().cognito.getCredentials).to.equal(2);
    expect(emulator.records()).to.have.length(2);
  });

  it('delivers with a device clock 15 minutes off', async () => {
    const emulator = await useEmulator({ faults: { serverClockOffsetMs: 15 * 60 * 1000 } });
    const client = emulatorClient();
    const receipt = await client.submit(validEntry());
    expect(receipt.status).to.equal('delivered');
    expect(client.events.retrying.map((event) => event.error.code)).to.include('clock-skew');
    expect(emulator.records()).to.have.length(1);
  });

  it('reports a missing stream as an operator error and keeps the entry stored', async () => {
    const emulator = await useEmulator();
    const client = emulatorClient({ deliveryStreams: 'no-such-stream', receiptTimeoutMs: 300 });
    const receipt = await client.submit(validEntry());
    expect(receipt.status).to.equal('queued');
    await until(() => client.events.failed.length > 0);
    expect(client.events.failed[0]?.error.code).to.equal('stream-not-found');
    expect(client.events.failed[0]?.error.message).to.contain('Operator');
    expect(await client.pending()).to.equal(1);
    expect(emulator.records()).to.have.length(0);
  });

  it('never lets two clients of the same campaign (two tabs) send the same stored entry', async () => {
    const emulator = await useEmulator({ faults: { offline: true } });
    const campaignId = freshCampaignId();
    const tabA = emulatorClient({ campaignId, receiptTimeoutMs: 100 });
    const tabB = emulatorClient({ campaignId, receiptTimeoutMs: 100 });
    const receipts = await Promise.all(
      Array.from({ length: 8 }, (_, index) => (index % 2 ? tabA : tabB).submit(validEntry(`Tab entrant ${index}`))),
    );
    emulator.setFaults({ offline: false, latencyMs: 30 });
    await Promise.all([tabA.flush(), tabB.flush(), tabA.flush(), tabB.flush()]);
    await until(async () => (await tabA.pending()) === 0 && (await tabB.pending()) === 0);
    expectExactlyOnce(
      acknowledgedIds(emulator),
      receipts.map((receipt) => (receipt.status === 'queued' || receipt.status === 'delivered' ? receipt.entryId : '')),
    );
  });

  it('sends what is stored when the page is hidden or closed (keepalive)', async () => {
    const emulator = await useEmulator({ faults: { offline: true } });
    const client = emulatorClient({
      receiptTimeoutMs: 100,
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000, deadlineMs: 600_000, operatorFixDelayMs: 600_000 },
    });
    const receipt = await client.submit(validEntry());
    expect(receipt.status).to.equal('queued');
    await until(() => client.events.retrying.length > 0);
    emulator.setFaults({ offline: false });
    // persisted: msw's own worker stops intercepting on a real unload (persisted: false), which would end the test.
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    await until(() => emulator.records().length === 1, 'the keepalive send');
    expect(acknowledgedIds(emulator)).to.deep.equal([receipt.status === 'queued' ? receipt.entryId : '']);
  });

  it('falls back to localStorage without IndexedDB, and to memory without either, still delivering', async () => {
    const emulator = await useEmulator();
    const indexedDb = Object.getOwnPropertyDescriptor(window, 'indexedDB');
    const setItem = Storage.prototype.setItem;
    try {
      // Safari private mode of old, or a browser with IndexedDB disabled.
      Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined });
      const local = emulatorClient();
      expect(await local.storage()).to.equal('localstorage');
      const first = await local.submit(validEntry('Local'));
      expect(first.status).to.equal('delivered');
      // Storage full or blocked entirely: the entry is still kept, in memory, and the client says so.
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      const memory = emulatorClient();
      expect(await memory.storage()).to.equal('memory');
      const second = await memory.submit(validEntry('Memory'));
      expect(second.status).to.equal('delivered');
      expect(memory.events.queued[0]?.storage).to.equal('memory');
      expect(emulator.records()).to.have.length(2);
    } finally {
      Storage.prototype.setItem = setItem;
      if (indexedDb) Object.defineProperty(window, 'indexedDB', indexedDb);
    }
  });

  it('refuses hostile and oversized input with specific issues, sending nothing', async () => {
    const emulator = await useEmulator();
    const client = emulatorClient({ fields: ['name', 'email', 'phone', 'postal-code', 'birth-date'] });
    const receipt = await client.submit({
      fields: {
        name: '<img src=x onerror=alert(1)>',
        email: '=cmd|calc@example.com',
        phone: '+1 555 CALL NOW',
        'postal-code': 'x'.repeat(5000),
        'birth-date': '2015-06-01',
      },
      consent: { rules: false },
    });
    expect(receipt.status).to.equal('invalid');
    if (receipt.status !== 'invalid') return;
    expect(receipt.issues.map((issue) => `${issue.field}:${issue.code}`)).to.deep.equal([
      'name:invalid-characters',
      'email:formula',
      'phone:invalid-format',
      'postal-code:too-long',
      'birth-date:under-age',
      'consent:consent-required',
    ]);
    expect(await client.pending()).to.equal(0);
    expect(firehoseCalls(emulator)).to.equal(0);
  });
});
