// createCampaignClient: validation → durable storage → delivery, wired together with the page's lifecycle.
import { openTabChannel, type TabChannel } from './adapters/cross-tab.js';
import type { StorageKind } from './adapters/entry-store.js';
import { type OpenedStores, openStores } from './adapters/open-store.js';
import { watchPage } from './adapters/page-lifecycle.js';
import type { FirehoseTransport } from './adapters/transport.js';
import { type CampaignClientConfig, type ResolvedConfig, resolveConfig } from './config.js';
import type { CampaignEntryError } from './core/errors/campaign-entry-error.js';
import { ErrorCode } from './core/errors/error-code.js';
import { errorFor } from './core/errors/failure-policy.js';
import { lazy } from './core/lazy.js';
import { createRecord, type EntryRecord, encodeRecordChecked } from './core/record.js';
import { storageKey } from './core/storage-keys.js';
import { type EntryInput, type EntryIssue, validateEntry } from './core/validate.js';
import type { DeliveryLoop } from './delivery-loop.js';
import { type CampaignClientEventMap, type DeliveredEvent, Emitter, type Listener } from './events.js';
import { SDK_VERSION } from './version.js';

/** Extra facts about a submission, recorded in `meta`. */
export interface SubmitOptions {
  /**
   * Reuse an id made when the form was first touched, so a double tap or a retried submit is the same entry
   * (stored once). @default a new UUID
   */
  readonly entryId?: string;
  /** Milliseconds the entrant spent filling the form. */
  readonly fillMs?: number | null;
  /** A bot signal fired (e.g. the honeypot was filled). The entry is still kept, flagged. */
  readonly suspect?: boolean;
  /** Overrides the client's locale for this entry. */
  readonly locale?: string;
}

/** What happened to a submission. */
export type SubmitReceipt =
  /** Nothing was stored: the input broke these rules. */
  | { readonly status: 'invalid'; readonly issues: readonly [EntryIssue, ...EntryIssue[]] }
  /** Nothing was stored: the device queue is full, or the client was disposed. */
  | { readonly status: 'rejected'; readonly error: CampaignEntryError }
  /** Firehose acknowledged the record within `receiptTimeoutMs`. */
  | { readonly status: 'delivered'; readonly entryId: string; readonly record: EntryRecord }
  /**
   * Saved on the device; still being sent. `delivery` resolves when Firehose acknowledges it (it keeps trying in the
   * background and across visits).
   */
  | {
      readonly status: 'queued';
      readonly entryId: string;
      readonly record: EntryRecord;
      readonly storage: StorageKind;
      readonly delivery: Promise<DeliveredEvent>;
    };

/** The result of {@link CampaignClient.flush}. */
export interface FlushResult {
  /** Entries still stored on the device afterwards. */
  readonly pending: number;
}

/** A campaign entry client. Create one per page with {@link createCampaignClient}. */
export interface CampaignClient {
  /**
   * Validates, stores on the device, then sends an entry. Never throws for bad input: read `status`.
   * @example
   * ```ts
   * const receipt = await client.submit({ fields: { name: 'Ada', email: 'ada@example.com' }, consent: { rules: true } });
   * if (receipt.status === 'invalid') showIssues(receipt.issues);
   * ```
   */
  submit(input: EntryInput, options?: SubmitOptions): Promise<SubmitReceipt>;
  /** Loads the AWS code and fetches guest credentials ahead of time, so a submit costs one round trip. Never rejects. */
  prefetch(): Promise<void>;
  /** Sends every stored entry now, ignoring backoff. Resolves when this round is done. */
  flush(): Promise<FlushResult>;
  /** Number of entries stored on the device and not yet acknowledged. */
  pending(): Promise<number>;
  /** Which storage holds new entries (after it was opened). */
  storage(): Promise<StorageKind>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends keyof CampaignClientEventMap>(name: K, listener: Listener<K>): () => void;
  /** Unsubscribes. */
  off<K extends keyof CampaignClientEventMap>(name: K, listener: Listener<K>): void;
  /** Stops timers and listeners. Stored entries stay stored for the next page visit. */
  dispose(): void;
}

interface Waiter {
  resolve(event: DeliveredEvent): void;
  reject(error: CampaignEntryError): void;
}

// A failed chunk load (offline) is retried on the next round.
function loadAwsTransport(config: ResolvedConfig, stores: Promise<OpenedStores>): () => Promise<FirehoseTransport> {
  return lazy(() =>
    Promise.all([import('./adapters/aws-transport.js'), stores]).then(([{ createAwsTransport }, { identity }]) =>
      createAwsTransport({
        region: config.region,
        identityPoolIds: config.identityPoolIds,
        campaignId: config.campaignId,
        endpoints: config.endpoints,
        identityStore: identity,
        randomId: config.randomId,
      }),
    ),
  );
}

/**
 * Creates the client. Throws a {@link CampaignEntryError} with code `invalid-config` when the configuration is unusable
 * (every problem named); everything after that reports through return values and events.
 * @example
 * ```ts
 * const client = createCampaignClient({
 *   region: 'us-east-1', identityPoolId: 'us-east-1:…', deliveryStreams: ['entries-0', 'entries-1'],
 *   campaignId: 'loungebeer-sb', fields: ['name', 'email', 'birth-date'],
 * });
 * client.on('delivered', ({ entryId }) => console.log('in', entryId));
 * ```
 */
export function createCampaignClient(options: CampaignClientConfig): CampaignClient {
  const config = resolveConfig(options);
  const events = new Emitter();
  const waiters = new Map<string, Waiter[]>();
  const submissions = new Map<string, Promise<SubmitReceipt>>();
  const stores = openStores(config.storage, config.campaignId);
  const transport = config.transport
    ? () => Promise.resolve(config.transport as FirehoseTransport)
    : loadAwsTransport(config, stores);
  let disposed = false;
  let channel: TabChannel | undefined;
  let loop: DeliveryLoop | undefined;
  let retryTimer: unknown;

  const settle = (entryIds: readonly string[], stream: string | undefined) => {
    for (const entryId of entryIds) {
      const event: DeliveredEvent = { entryId, stream, attempts: loop?.state(entryId).attempts ?? 0 };
      for (const waiter of waiters.get(entryId) ?? []) waiter.resolve(event);
      waiters.delete(entryId);
      submissions.delete(entryId);
    }
  };

  // Saving an entry needs only this module; sending needs the delivery loop and the AWS SDK, two lazily loaded
  // chunks fetched in parallel (on prefetch, on submit, or at once when an earlier visit left entries stored). A chunk
  // that failed to load (offline) is fetched again on the next try.
  const delivery = lazy((): Promise<DeliveryLoop> => {
    void transport().catch(() => {}); // start fetching the AWS chunk alongside
    return Promise.all([import('./delivery-loop.js'), stores]).then(([{ DeliveryLoop: Loop }, { entries }]) => {
      loop = new Loop(config, entries, transport, events, {
        delivered(entryIds, stream) {
          settle(entryIds, stream);
          if (stream !== undefined) channel?.post({ type: 'delivered', entryIds });
        },
      });
      if (disposed) loop.stop();
      return loop;
    });
  });

  /** Sends what is stored; if the code to send cannot load yet, tries again shortly. The entries stay stored. */
  function kick(options?: { force?: boolean; keepalive?: boolean }): void {
    if (disposed) return;
    delivery().then(
      (delivering) => (options?.keepalive && delivering.busy ? undefined : delivering.run(options)),
      () => {
        config.timers.clear(retryTimer);
        retryTimer = config.timers.set(() => kick(), config.retry.maxDelayMs);
      },
    );
  }

  const ready = stores.then(async ({ entries }) => {
    if (entries.kind !== 'memory') {
      channel = openTabChannel(storageKey(config.campaignId), (message) => {
        if (message.type === 'stored') {
          for (const entry of message.entries) loop?.noteStored(entry);
          return;
        }
        const { entryIds } = message;
        const mine = entryIds.filter((id) => waiters.has(id));
        loop?.forget(entryIds);
        settle(mine, undefined);
        for (const entryId of mine) events.emit('delivered', { entryId, stream: undefined, attempts: 0 });
      });
    }
    if ((await entries.count()) > 0) kick(); // resume entries left by an earlier visit
    return { entries };
  });

  const unwatch = config.watchPage
    ? watchPage({
        // Last chance before the page may be frozen or closed: send what is stored now, backoff or not.
        onLeave: () => {
          if (loop) kick({ keepalive: true, force: true });
        },
        onOnline: () => kick({ force: true }),
      })
    : () => {};

  function waitFor(entryId: string): Promise<DeliveredEvent> {
    return new Promise<DeliveredEvent>((resolve, reject) => {
      waiters.set(entryId, [...(waiters.get(entryId) ?? []), { resolve, reject }]);
    });
  }

  async function store(input: EntryInput, submitOptions: SubmitOptions): Promise<SubmitReceipt> {
    if (disposed)
      return {
        status: 'rejected',
        error: errorFor(ErrorCode.Disposed, 'The client was disposed.'),
      };
    const now = config.clock();
    const validation = validateEntry(input, config.spec, now);
    if (!validation.success) return { status: 'invalid', issues: validation.issues };
    const entryId = submitOptions.entryId ?? config.randomId();
    const record = createRecord(validation.output, {
      entryId,
      campaignId: config.campaignId,
      now,
      meta: {
        locale: submitOptions.locale ?? config.locale,
        sdk: SDK_VERSION,
        fillMs: submitOptions.fillMs ?? null,
        suspect: submitOptions.suspect ?? false,
      },
    });
    const encoded = encodeRecordChecked(record);
    if (!encoded.success) return { status: 'invalid', issues: encoded.issues };
    const { entries } = await ready;
    if ((await entries.count()) >= config.maxStoredEntries) {
      events.emit('limit', { limit: 'count', entryIds: [entryId] });
      return {
        status: 'rejected',
        error: errorFor(ErrorCode.QueueFull, `This device already holds ${config.maxStoredEntries} unsent entries.`),
      };
    }
    const delivery$ = waitFor(entryId);
    delivery$.catch(() => {}); // callers may ignore `delivery`; a dispose must not surface as unhandled
    const stored = { entryId, line: encoded.line, bytes: encoded.bytes, storedAt: now };
    await entries.put(stored);
    const facts = { entryId, bytes: encoded.bytes, storedAt: now };
    loop?.noteStored(facts);
    channel?.post({ type: 'stored', entries: [facts] });
    events.emit('queued', { entryId, storage: entries.kind });
    kick();
    let timer: unknown;
    const deadline = new Promise<'timeout'>((resolve) => {
      // Offline, no acknowledgement can come: "saved on this device" at once, not after the wait.
      timer = config.timers.set(() => resolve('timeout'), config.online() ? config.receiptTimeoutMs : 0);
    });
    const outcome = await Promise.race([
      delivery$.then(
        () => 'delivered' as const,
        () => 'timeout' as const,
      ),
      deadline,
    ]);
    config.timers.clear(timer);
    if (outcome === 'delivered') return { status: 'delivered', entryId, record };
    return { status: 'queued', entryId, record, storage: entries.kind, delivery: delivery$ };
  }

  return {
    submit(input, submitOptions = {}) {
      const existing = submitOptions.entryId ? submissions.get(submitOptions.entryId) : undefined;
      if (existing) return existing; // a double tap: the same entry, stored once
      const receipt = store(input, submitOptions);
      if (submitOptions.entryId) {
        const entryId = submitOptions.entryId;
        submissions.set(entryId, receipt);
        // Only stored entries stay deduplicated; an invalid or refused attempt may be corrected and submitted again.
        void receipt.then((result) => {
          if (result.status === 'invalid' || result.status === 'rejected') submissions.delete(entryId);
        });
      }
      return receipt;
    },
    async prefetch() {
      try {
        await Promise.all([delivery(), transport().then((aws) => aws.prepare())]);
      } catch {
        // Best effort: the real send retries with backoff.
      }
    },
    async flush() {
      const { entries } = await ready;
      if ((await entries.count()) > 0) await (await delivery()).run({ force: true });
      return { pending: await entries.count() };
    },
    async pending() {
      const { entries } = await ready;
      return entries.count();
    },
    async storage() {
      return (await ready).entries.kind;
    },
    on: (name, listener) => events.on(name, listener),
    off: (name, listener) => events.off(name, listener),
    dispose() {
      disposed = true;
      unwatch();
      loop?.stop();
      config.timers.clear(retryTimer);
      channel?.close();
      const error = errorFor(ErrorCode.Disposed, 'The client was disposed before delivery; the entry stays stored.');
      for (const list of waiters.values()) for (const waiter of list) waiter.reject(error);
      waiters.clear();
      events.clear();
    },
  };
}
