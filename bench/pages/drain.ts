// In-page benchmark: the SDK drains a backlog of stored entries into the emulator, with the real AWS SDK. The emulator
// is either its own process (the Node host, over HTTP on 127.0.0.1, as AWS would be) or in this page behind msw.
import { createBrowserEmulator } from '@campaign-entry/emulator/browser';
import { createCampaignClient } from '@campaign-entry/sdk';
import { createRecord, encodeRecordChecked, storageKey, validateEntry } from '@campaign-entry/sdk/rules';
import { createStore, setMany } from 'idb-keyval';
import { type EmulatorSummary, summarize } from './emulator-summary.js';

/** Where the emulator runs: its own process (`pnpm emulator`'s host) or this page's main thread (msw). */
export type DrainHost = 'process' | 'page';

/** The emulator as the page drives it. */
export interface EmulatorControl {
  /** Guest Firehose calls are refused (AccessDeniedException) until {@link resume}. */
  pause(): Promise<void>;
  /** Accepts calls again, failing this share of records inside each answer. */
  resume(recordFailureRate: number): Promise<void>;
  summary(): Promise<EmulatorSummary>;
}

/** What one drain run measured. */
export interface DrainResult extends EmulatorSummary {
  readonly host: DrainHost;
  readonly entries: number;
  readonly recordFailureRate: number;
  /** Time to write the backlog into IndexedDB (as the SDK stores entries), in ms. */
  readonly fillMs: number;
  /**
   * Time from the emulator accepting calls again to the last stored entry deleted, in ms: the page was open (its code
   * loaded, credentials fetched) while Firehose refused calls, as a kiosk's is when the Wi-Fi drops at halftime.
   */
  readonly drainMs: number;
  readonly recordsPerSecond: number;
}

const useEmulator = createBrowserEmulator({ streams: [{ name: 'entries-0' }, { name: 'entries-1' }], seed: 7 });

/** The emulator in this page, behind msw's service worker. */
async function inPage(): Promise<EmulatorControl> {
  const emulator = await useEmulator();
  return {
    pause: async () => emulator.pause(),
    resume: async (recordFailureRate) => {
      emulator.setFaults({ recordFailureRate });
      emulator.resume();
    },
    summary: async () => summarize(emulator),
  };
}

/** The emulator in the bench's Node process, through the function it exposes to the page. */
function inProcess(): EmulatorControl {
  const call = (
    window as unknown as { benchEmulator: (command: keyof EmulatorControl, arg?: number) => Promise<unknown> }
  ).benchEmulator;
  return {
    pause: async () => void (await call('pause')),
    resume: async (recordFailureRate) => void (await call('resume', recordFailureRate)),
    summary: () => call('summary') as Promise<EmulatorSummary>,
  };
}

/** Writes `entries` stored entries into the SDK's IndexedDB store, as an earlier visit would have left them. */
async function fill(campaignId: string, entries: number): Promise<void> {
  // Straight into the SDK's store (database storageKey(campaignId), one StoredEntry per key), with records made by the
  // SDK's own encoder: through submit() the fill, not the drain, would be measured.
  const store = createStore(storageKey(campaignId), 'entries');
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
      campaignId,
      now,
      meta: { locale: 'en', sdk: 'bench', fillMs: null, suspect: false },
    });
    const encoded = encodeRecordChecked(record);
    if (!encoded.success) throw new Error('the bench record is too large');
    stored.push([entryId, { entryId, line: encoded.line, bytes: encoded.bytes, storedAt: now + index }]);
  }
  await setMany(stored, store);
}

async function runDrain(entries: number, recordFailureRate: number, endpoint?: string): Promise<DrainResult> {
  const control = endpoint ? inProcess() : await inPage();
  const campaignId = `bench-${Date.now()}-${recordFailureRate}`;
  const fillStart = performance.now();
  await fill(campaignId, entries);
  const fillMs = performance.now() - fillStart;
  // Firehose refuses calls: the client finds the backlog, loads its code, fetches credentials, tries once and is told to
  // wait for an operator (minutes), so no retry of its own runs into the measured part.
  await control.pause();
  const client = createCampaignClient({
    region: 'us-east-1',
    identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000',
    deliveryStreams: ['entries-0', 'entries-1'],
    campaignId,
    maxStoredEntries: entries + 1,
    receiptTimeoutMs: 0,
    watchPage: false,
    ...(endpoint ? { endpoints: { cognito: endpoint, firehose: endpoint } } : {}),
  });
  let refused = 0;
  const triedOnce = new Promise<void>((resolve) => {
    const off = client.on('failed', ({ entryIds }) => {
      refused += entryIds.length;
      if (refused < entries) return;
      off();
      resolve();
    });
  });
  await Promise.all([client.prefetch(), triedOnce]);
  // Calls accepted again: everything is sent, with the default retry policy (a flush, as the `online` event does; it
  // runs right after the refused round should that still be finishing).
  await control.resume(recordFailureRate);
  const drainStart = performance.now();
  void client.flush();
  let drained = () => {};
  client.on('drained', () => drained());
  while ((await client.pending()) > 0) {
    await new Promise<void>((resolve) => {
      drained = resolve;
      setTimeout(resolve, 100);
    });
  }
  const drainMs = performance.now() - drainStart;
  client.dispose();
  return {
    host: endpoint ? 'process' : 'page',
    entries,
    recordFailureRate,
    fillMs: Math.round(fillMs),
    drainMs: Math.round(drainMs),
    recordsPerSecond: Math.round(entries / (drainMs / 1000)),
    ...(await control.summary()),
  };
}

Object.assign(window, { runDrain });
