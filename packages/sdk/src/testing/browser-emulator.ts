// Browser-test harness: the emulator behind AWS's real endpoint URLs (msw service worker), a fresh emulator per test,
// and clients wired to it with fast retry timings.
import type { Emulator } from '@campaign-entry/emulator';
import { createBrowserEmulator } from '@campaign-entry/emulator/browser';
import { type CampaignClient, createCampaignClient } from '../client.js';
import type { CampaignClientConfig } from '../config.js';
import type { CampaignClientEventMap } from '../events.js';

export { until } from '../adapters/until.js';

const clients: CampaignClient[] = [];

/** The receipt window of {@link emulatorClient}: long enough that "queued" means "not delivered", never "slow". */
export const DELIVERED_WINDOW_MS = 45_000;
let campaignCounter = 0;

/** Swaps in a fresh emulator (two streams, seeded) behind the page's msw worker. */
export const useEmulator = createBrowserEmulator({ streams: [{ name: 'entries-0' }, { name: 'entries-1' }], seed: 42 });

/** A campaign id no earlier test used, so each test starts with empty device storage. */
export function freshCampaignId(): string {
  return `test-${Date.now().toString(36)}-${++campaignCounter}`;
}

/** A client against the emulator (real AWS SDK chunk), with retry timings scaled down for tests. */
export function emulatorClient(overrides: Partial<CampaignClientConfig> = {}): CampaignClient & { events: Recorded } {
  const client = createCampaignClient({
    region: 'us-east-1',
    identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000',
    deliveryStreams: ['entries-0', 'entries-1'],
    campaignId: overrides.campaignId ?? freshCampaignId(),
    retry: { baseDelayMs: 20, maxDelayMs: 200, deadlineMs: 30_000, operatorFixDelayMs: 500 },
    // A test that expects "delivered" waits for it: on a loaded 2-core machine the first submit of a file pays for the
    // cold, unbundled AWS SDK and the credential fetch, which can take many seconds. The receipt still resolves the
    // moment Firehose acknowledges; tests that expect "queued" pass a short window of their own.
    receiptTimeoutMs: DELIVERED_WINDOW_MS,
    ...overrides,
  });
  clients.push(client);
  return Object.assign(client, { events: record(client) });
}

/** Every event a client emitted, by name. */
export type Recorded = { [K in keyof CampaignClientEventMap]: CampaignClientEventMap[K][] };

function record(client: CampaignClient): Recorded {
  const events: Recorded = { queued: [], delivered: [], retrying: [], failed: [], drained: [], limit: [] };
  for (const name of Object.keys(events) as (keyof CampaignClientEventMap)[]) {
    client.on(name, (event) => (events[name] as unknown[]).push(event));
  }
  return events;
}

/** Disposes every client a test made. */
export function disposeClients(): void {
  for (const client of clients.splice(0)) client.dispose();
}

/** The entryIds the emulator acknowledged, in order. */
export function acknowledgedIds(emulator: Emulator): string[] {
  return emulator.records().map((record) => (JSON.parse(record.data) as { entryId: string }).entryId);
}

/** A valid entry for the default fields. */
export function validEntry(name = 'Ada Lovelace') {
  return { fields: { name, email: 'ada@example.com' }, consent: { rules: true, marketing: false } };
}
