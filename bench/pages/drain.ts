// In-page benchmark: the SDK drains a backlog of stored entries into the emulator (behind msw), with the real AWS SDK.
import { createBrowserEmulator } from '@campaign-entry/emulator/browser';
import { createCampaignClient } from '@campaign-entry/sdk';
import { createRecord, encodeRecordChecked, storageKey, validateEntry } from '@campaign-entry/sdk/rules';
import { createStore, setMany } from 'idb-keyval';

/** What one drain run measured. */
export interface DrainResult {
  readonly entries: number;
  readonly recordFailureRate: number;
  /** Time to write the backlog into IndexedDB (as the SDK stores entries), in ms. */
  readonly fillMs: number;
  /**
   * Time from going online to the last acknowledgement, in ms: the page was open (its code loaded) while offline, as a
   * kiosk's is at halftime.
   */
  readonly drainMs: number;
  readonly recordsPerSecond: number;
  /** Distinct entryIds the emulator acknowledged (must equal `entries`). */
  readonly acknowledgedUnique: number;
  readonly putRecordBatchCalls: number;
  readonly failedRecords: number;
}

const useEmulator = createBrowserEmulator({ streams: [{ name: 'entries-0' }, { name: 'entries-1' }], seed: 7 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runDrain(entries: number, recordFailureRate: number): Promise<DrainResult> {
  const emulator = await useEmulator({ faults: { offline: true } });
  const config = {
    region: 'us-east-1',
    identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000',
    deliveryStreams: ['entries-0', 'entries-1'],
    campaignId: `bench-${Date.now()}-${recordFailureRate}`,
    maxStoredEntries: entries + 1,
    receiptTimeoutMs: 0,
  };
  // An earlier visit left the backlog: written straight into the SDK's IndexedDB store (database
  // storageKey(campaignId), one StoredEntry per key), with records made by the SDK's own encoder. (Through
  // submit() each entry would cost a whole-store scan by the delivery loop, which measures the fill, not the drain.)
  const fillStart = performance.now();
  const store = createStore(storageKey(config.campaignId), 'entries');
  const now = Date.now();
  const stored: [string, unknown][] = [];
  for (let index = 0; index < entries; index++) {
    const checked = validateEntry(
      { fields: { name: `Fan ${index}`, email: `fan${index}@example.com` }, consent: { rules: true } },
      { fields: ['name', 'email'] },
      now,
    );
    if (!checked.success) throw new Error('the bench entry is invalid');
    const entryId = crypto.randomUUID();
    const record = createRecord(checked.output, {
      entryId,
      campaignId: config.campaignId,
      now,
      meta: { locale: 'en', sdk: 'bench', fillMs: null, suspect: false },
    });
    const encoded = encodeRecordChecked(record);
    if (!encoded.success) throw new Error('the bench record is too large');
    stored.push([entryId, { entryId, line: encoded.line, bytes: encoded.bytes, storedAt: now + index }]);
  }
  await setMany(stored, store);
  const fillMs = performance.now() - fillStart;
  // The page is open while offline: the client finds the backlog, loads its code and fails to send. (Unbundled, through
  // the dev server, that code is hundreds of modules: loading it is not what this measures.)
  const client = createCampaignClient({ ...config, watchPage: false });
  let tried = 0;
  const offlineRoundDone = new Promise<void>((resolve) => {
    const off = client.on('retrying', ({ entryIds }) => {
      tried += entryIds.length;
      if (tried < entries) return;
      off();
      resolve();
    });
  });
  await Promise.all([client.prefetch(), offlineRoundDone]);
  // Back online (what the `online` event does): everything is sent, with the default retry policy.
  emulator.setFaults({ offline: false, recordFailureRate });
  const drainStart = performance.now();
  void client.flush();
  while ((await client.pending()) > 0) await sleep(20);
  const drainMs = performance.now() - drainStart;
  client.dispose();
  const ids = new Set(emulator.records().map((record) => (JSON.parse(record.data) as { entryId: string }).entryId));
  const streams = Object.values(emulator.stats().firehose);
  return {
    entries,
    recordFailureRate,
    fillMs: Math.round(fillMs),
    drainMs: Math.round(drainMs),
    recordsPerSecond: Math.round(entries / (drainMs / 1000)),
    acknowledgedUnique: ids.size,
    putRecordBatchCalls: streams.reduce((sum, stream) => sum + stream.requests, 0),
    failedRecords: streams.reduce((sum, stream) => sum + stream.failedRecords, 0),
  };
}

Object.assign(window, { runDrain });
