// One entrant's device over the whole run: the page opens (credentials are prefetched), the form is submitted (the
// page's SDK client stores and sends the entry), the page closes (`dispose()`, entries left in the device's store), and perhaps opens again later
// (a new client on the same store resumes sending). A device with nothing left to send and no owner is forgotten.
import { type CampaignClient, createCampaignClient, type FieldName, type RetryPolicy } from '@campaign-entry/sdk';
import {
  createVisitTransport,
  type DeviceLink,
  type TransportWorld,
  type VisitTransport,
} from '../aws/device-transport.js';
import { cancel, type ScheduledEvent } from '../engine/event-queue.js';
import type { Random } from '../engine/random.js';
import { Receipt, type Recorder } from '../report/recorder.js';
import type { Entrant } from './behaviour.js';
import { entryIdFor, entryInputFor } from './entry-input.js';
import { createTrackedStore, type TrackedStore } from './tracked-store.js';

/** What every device shares. */
export interface DeviceWorld extends TransportWorld {
  readonly recorder: Recorder;
  readonly streams: readonly string[];
  readonly campaignId: string;
  readonly fields: readonly FieldName[];
  /** The SDK's backoff jitter, one source for every client. */
  readonly sdkRandom: Random;
  /** The clients' retry policy over the SDK's defaults (none: the defaults). */
  readonly retry: Partial<RetryPolicy> | undefined;
}

interface Visit {
  /** The page's client: made at Submit on the first visit (see {@link startDevice}), at once on a return. */
  client: CampaignClient | undefined;
  readonly transport: VisitTransport;
  leaveTimer: ScheduledEvent | undefined;
}

const POOL_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'ca-central-1'];

/** Starts entrant `index`'s device now: the page opens. `random` is the entrant's own generator. */
export function startDevice(world: DeviceWorld, index: number, entrant: Entrant, random: Random): void {
  const { time, recorder } = world;
  const link: DeviceLink = {
    region: entrant.region,
    network: entrant.network,
    hasIdentity: false,
    offlineUntil: Number.NEGATIVE_INFINITY,
  };
  const store: TrackedStore = createTrackedStore(() => {
    recorder.removed(index, time.now());
    // Nothing left to send: the page may stay open, but it no longer matters to delivery.
    if (store.held === 0 && visit) time.at(0, leave);
  });
  const entryId = entryIdFor(index, random);
  const region = POOL_REGIONS[entrant.region % POOL_REGIONS.length] as string;
  let visit: Visit | undefined;
  let visits = 0;

  function createClient(transport: VisitTransport): CampaignClient {
    const client = createCampaignClient({
      region,
      identityPoolId: `${region}:00000000-0000-4000-8000-${String(entrant.region).padStart(12, '0')}`,
      deliveryStreams: world.streams,
      campaignId: world.campaignId,
      fields: world.fields,
      storage: store,
      watchPage: false,
      transport,
      clock: time.now,
      timers: time.timers,
      random: world.sdkRandom,
      randomId: () => entryId,
      ...(world.retry ? { retry: world.retry } : {}),
    });
    client.on('retrying', () => {
      recorder.retries++;
    });
    return client;
  }

  function open(stayMs: number | undefined, returning: boolean): void {
    const transport = createVisitTransport(link, world);
    // A returning owner's page resumes sending at once, so its client is made now. A first visit only prefetches while
    // the owner types (the widget calls prefetch() on focus, and with an injected transport the SDK's prefetch is
    // `transport.prepare()` plus loading the delivery code); its client is made at Submit, so a million people typing
    // do not hold a million idle clients. Same calls to AWS at the same instants.
    visit = {
      client: returning ? createClient(transport) : undefined,
      transport,
      leaveTimer: stayMs === undefined ? undefined : time.at(stayMs, leave),
    };
    void transport.prepare().catch(() => {}); // best effort, as prefetch(): the send retries with backoff
  }

  function leave(): void {
    if (!visit) return;
    visit.transport.close();
    visit.client?.dispose();
    if (visit.leaveTimer) cancel(visit.leaveTimer);
    visit = undefined;
    if (store.held === 0) return;
    const next = entrant.returns[visits];
    visits++;
    if (next === undefined) {
      recorder.strand(index, time.now());
      return;
    }
    time.at(next.afterMs, () => {
      recorder.returns++;
      open(next.stayMs, true);
    });
  }

  function submit(): void {
    if (!visit) return;
    visit.client ??= createClient(visit.transport);
    const { client } = visit;
    recorder.submitted(index, time.now());
    void client.submit(entryInputFor(index, world.fields, random)).then((receipt) => {
      recorder.receipt(
        index,
        receipt.status === 'delivered'
          ? Receipt.Delivered
          : receipt.status === 'queued'
            ? Receipt.Queued
            : Receipt.Other,
      );
      if (entrant.leaving.kind === 'first-answer') leave();
    });
    if (entrant.leaving.kind !== 'first-answer' && visit) visit.leaveTimer = time.at(entrant.leaving.ms, leave);
  }

  recorder.arrived(time.now());
  open(undefined, false);
  if (entrant.offline) {
    const { fromMs, forMs } = entrant.offline;
    time.at(fromMs, () => {
      link.offlineUntil = time.now() + forMs;
      // Back online: the page's `online` listener sends at once, backoff or not (what flush() does).
      time.at(forMs, () => void visit?.client?.flush());
    });
  }
  time.at(entrant.typingMs, submit);
}
