// The delivery loop: picks the due entries from its in-memory index of the store, reads just those records, sends them
// in packed batches, deletes what Firehose acknowledged, schedules retries for the rest. One round at a time per
// client; one sender at a time per campaign across tabs.
import { withLock } from './adapters/cross-tab.js';
import type { StoredEntry } from './adapters/entry-store.js';
import type { FallbackStore } from './adapters/fallback-store.js';
import { randomUuid } from './adapters/random-id.js';
import type { FirehoseTransport } from './adapters/transport.js';
import type { ResolvedConfig } from './config.js';
import { fitRequestBody, packBatches } from './core/batch.js';
import { classifyFailure, classifyRecordError, type Failure, toError } from './core/classify.js';
import { EntryIndex, type IndexedEntry } from './core/entry-index.js';
import { RepairAction } from './core/errors/failure-policy.js';
import { KEEPALIVE_BODY_BYTES } from './core/limits.js';
import { afterFailure, attempted, FRESH, isDue, nextWakeAt, type RetryState } from './core/retry-state.js';
import { streamFor } from './core/shard.js';
import { storageKey } from './core/storage-keys.js';
import type { Emitter } from './events.js';

/** How a round is run. */
interface RoundOptions {
  /** Ignore backoff and parking (explicit flush, back online). */
  readonly force: boolean;
  /** One small keepalive request only (the page is going away). */
  readonly keepalive: boolean;
}

/** What the loop reports to the client. */
export interface DeliveryCallbacks {
  /** Firehose acknowledged these entries (here or, with `stream` undefined, in another tab). */
  delivered(entryIds: readonly string[], stream: string | undefined): void;
}

/** Applies the failure's repair (its policy row) before the next call. */
function repair(transport: FirehoseTransport, failure: Failure): void {
  switch (failure.policy.repair) {
    case RepairAction.RefreshCredentials:
      transport.invalidateCredentials();
      break;
    case RepairAction.CorrectClock:
      if (failure.serverTime !== undefined) transport.correctClock(failure.serverTime);
      break;
    case RepairAction.None:
      break;
  }
}

/** Drives delivery for one client. */
export class DeliveryLoop {
  readonly #config: ResolvedConfig;
  readonly #store: FallbackStore;
  /** What is stored, as far as this tab knows; checked against the store under the send lock (see #refreshIndex). */
  readonly #index = new EntryIndex();
  #indexed = false;
  /** Names this loop when it claims the store as its sender. */
  readonly #holder: string;
  readonly #transport: () => Promise<FirehoseTransport>;
  readonly #events: Emitter;
  readonly #callbacks: DeliveryCallbacks;
  readonly #states = new Map<string, RetryState>();
  #running: Promise<void> | undefined;
  #again: RoundOptions | undefined;
  #timer: unknown;
  #deliveredSinceDrain = 0;
  #stopped = false;

  constructor(
    config: ResolvedConfig,
    store: FallbackStore,
    transport: () => Promise<FirehoseTransport>,
    events: Emitter,
    callbacks: DeliveryCallbacks,
  ) {
    this.#config = config;
    this.#store = store;
    this.#transport = transport;
    this.#events = events;
    this.#callbacks = callbacks;
    // Not the injected `randomId`: a test's entry ids must not shift because a loop was created.
    this.#holder = randomUuid();
  }

  /**
   * Starts sending now (or right after the round in flight). Resolves when nothing more is due right now.
   */
  run(options: Partial<RoundOptions> = {}): Promise<void> {
    const wanted: RoundOptions = { force: options.force ?? false, keepalive: options.keepalive ?? false };
    if (this.#stopped) return Promise.resolve();
    if (this.#running) {
      // Only one flush in flight: remember to go again, as forcefully as anyone asked.
      this.#again = { force: wanted.force || (this.#again?.force ?? false), keepalive: false };
      return this.#running;
    }
    this.#config.timers.clear(this.#timer);
    this.#running = this.#drain(wanted).finally(() => {
      this.#running = undefined;
      const again = this.#again;
      this.#again = undefined;
      if (again && !this.#stopped) void this.run(again);
      else this.#schedule();
    });
    return this.#running;
  }

  /** Whether a round is in flight. */
  get busy(): boolean {
    return this.#running !== undefined;
  }

  /** Stops timers; a round in flight finishes but schedules nothing. */
  stop(): void {
    this.#stopped = true;
    this.#config.timers.clear(this.#timer);
  }

  /** Forgets entries another tab delivered. */
  forget(entryIds: readonly string[]): void {
    this.#index.remove(entryIds);
    for (const id of entryIds) this.#states.delete(id);
  }

  /** Indexes an entry this client just stored, or one another tab announced. */
  noteStored(entry: IndexedEntry): void {
    if (this.#indexed) this.#index.add(entry);
  }

  async #drain(options: RoundOptions): Promise<void> {
    let round = options;
    for (;;) {
      const progressed = await withLock(storageKey(this.#config.campaignId, 'send'), () => this.#round(round));
      if (!progressed || round.keepalive || this.#stopped) return;
      round = { force: false, keepalive: false };
    }
  }

  /**
   * Under the send lock: makes the index match the store, reading the whole store only when it may not. Only a lock
   * holder deletes, and claims the store first, so when this loop was the last to claim nothing it knows of can have
   * gone. Other tabs store entries at any time and announce them (facts only, the record is read when sent); an
   * announcement still on its way, or lost, shows as a count that differs from the index's.
   */
  async #refreshIndex(): Promise<void> {
    const alone = await this.#store.claimSender(this.#holder);
    if (alone && this.#indexed && (await this.#store.count()) === this.#index.size) return;
    this.#index.replace(await this.#store.list());
    this.#indexed = true;
    for (const id of this.#states.keys()) if (!this.#index.has(id)) this.#states.delete(id);
  }

  /**
   * The records of `entries`: from memory, or for entries another tab announced, from the store (any no longer stored
   * leaves the index, and the index is re-read next round).
   */
  async #read(entries: readonly IndexedEntry[]): Promise<StoredEntry[]> {
    const missing = entries.filter((entry) => entry.line === undefined).map((entry) => entry.entryId);
    const found = new Map<string, StoredEntry>();
    if (missing.length > 0) {
      for (const entry of await this.#store.get(missing)) {
        found.set(entry.entryId, entry);
        this.#index.add(entry);
      }
      const gone = missing.filter((id) => !found.has(id));
      if (gone.length > 0) {
        this.forget(gone);
        this.#indexed = false;
      }
    }
    return entries.flatMap((entry) =>
      entry.line === undefined ? (found.get(entry.entryId) ?? []) : [entry as StoredEntry],
    );
  }

  /** One pass over the index. Returns whether anything was acknowledged (worth another pass at once). */
  async #round(options: RoundOptions): Promise<boolean> {
    const now = this.#config.clock();
    await this.#refreshIndex();
    await this.#evictExpired(now);
    if (this.#index.size === 0) {
      if (this.#deliveredSinceDrain > 0) this.#events.emit('drained', { delivered: this.#deliveredSinceDrain });
      this.#deliveredSinceDrain = 0;
      return false;
    }
    const due = this.#index.ordered().filter((entry) => isDue(this.state(entry.entryId), now, options.force));
    if (due.length === 0) return false;
    let transport: FirehoseTransport;
    try {
      transport = await this.#transport();
    } catch (error) {
      // The AWS chunk could not load (offline since the page loaded): the same as a network failure.
      this.#fail(due, classifyFailure(error), error);
      return false;
    }
    // Guest credentials before any batch (one fetch in flight per page, cached for the hour): while Cognito throttles,
    // a round costs one credential call and no batch, and waits on Cognito's own, longer backoff.
    try {
      await transport.prepare();
    } catch (error) {
      const failure = classifyFailure(error, true);
      repair(transport, failure);
      for (const entry of due) this.#states.set(entry.entryId, attempted(this.state(entry.entryId), now));
      this.#fail(due, failure, error);
      return false;
    }
    const byStream = new Map<string, IndexedEntry[]>();
    for (const entry of due) {
      const stream = streamFor(entry.entryId, this.#config.streams, this.state(entry.entryId).failovers);
      const group = byStream.get(stream);
      if (group) group.push(entry);
      else byStream.set(stream, [entry]);
    }
    // Acknowledged entries are deleted before anyone is told, and before the lock is released. Each stream sends in key
    // order, and what it had acknowledged is deleted once every stream has sent past it: by then the entries are
    // neighbours in the store, and a backlog goes in a few key-range deletions (see indexeddb-bulk-delete.ts).
    const streams = new Map([...byStream.keys()].map((stream) => [stream, { passed: '', acked: [] as string[] }]));
    const deletions: Promise<void>[] = [];
    const release = (end?: boolean) => {
      let passed = '\uffff';
      if (!end) for (const stream of streams.values()) if (stream.passed < passed) passed = stream.passed;
      // Each stream's list is in key order: what is passed is a prefix.
      const ready = [...streams].map(
        ([stream, { acked }]) => [stream, acked.splice(0, acked.filter((id) => id <= passed).length)] as const,
      );
      const ids = ready.flatMap(([, ids]) => ids);
      if (ids[0])
        deletions.push(
          this.#store.delete(ids).then(() => {
            this.#deliveredSinceDrain += ids.length;
            for (const [stream, ids] of ready) if (ids[0]) this.#callbacks.delivered(ids, stream);
            for (const [stream, ids] of ready)
              for (const id of ids) {
                this.#events.emit('delivered', { entryId: id, stream, attempts: this.state(id).attempts });
                this.#states.delete(id);
              }
          }),
        );
    };
    const acknowledged = (ids: string[], stream: string) => streams.get(stream)?.acked.push(...ids);
    if (options.keepalive) {
      const [stream, entries] = [...byStream.entries()][0] as [string, IndexedEntry[]];
      const fitting = await this.#read(fitRequestBody(stream, entries, KEEPALIVE_BODY_BYTES - 1024));
      if (fitting.length === 0) return false;
      const progressed = await this.#send(transport, stream, fitting, true, acknowledged);
      release(true);
      await Promise.all(deletions);
      return progressed;
    }
    // Streams in parallel, batches of one stream one after another: one request in flight per stream. The next batch's
    // records are read while the current request is in flight.
    const results = await Promise.all(
      [...byStream.entries()].map(async ([stream, entries]) => {
        const own = streams.get(stream) as { passed: string };
        const batches = packBatches(
          entries.sort((a, b) => (a.entryId < b.entryId ? -1 : 1)),
          this.#config.batch,
        );
        let progressed = false;
        let next = batches[0] ? this.#read(batches[0]) : undefined;
        for (let index = 0; index < batches.length && next && !this.#stopped; index++) {
          const records = await next;
          const following = batches[index + 1];
          next = following ? this.#read(following) : undefined;
          if (records.length > 0)
            progressed = (await this.#send(transport, stream, records, false, acknowledged)) || progressed;
          own.passed = following?.[0]?.entryId ?? '\uffff';
          release();
        }
        return progressed;
      }),
    );
    release(true);
    await Promise.all(deletions);
    return results.some(Boolean);
  }

  /** The retry state of an entry. */
  state(entryId: string): RetryState {
    return this.#states.get(entryId) ?? FRESH;
  }

  async #send(
    transport: FirehoseTransport,
    stream: string,
    batch: StoredEntry[],
    keepalive: boolean,
    settled: (entryIds: string[], stream: string) => void,
  ): Promise<boolean> {
    const started = this.#config.clock();
    for (const entry of batch) this.#states.set(entry.entryId, attempted(this.state(entry.entryId), started));
    let results: Awaited<ReturnType<FirehoseTransport['putRecordBatch']>>;
    try {
      results = await transport.putRecordBatch(
        stream,
        batch.map((entry) => entry.line),
        keepalive ? { keepalive: true } : undefined,
      );
    } catch (error) {
      const failure = classifyFailure(error);
      repair(transport, failure);
      this.#fail(batch, failure, error);
      return false;
    }
    const acknowledged: StoredEntry[] = [];
    const failed = new Map<string, { failure: Failure; entries: StoredEntry[] }>();
    batch.forEach((entry, index) => {
      const result = results[index];
      if (result?.ok) {
        acknowledged.push(entry);
        return;
      }
      const failure = result
        ? classifyRecordError(result.errorCode, result.errorMessage)
        : classifyRecordError('InternalFailure', 'No result for this record');
      const group = failed.get(failure.code) ?? { failure, entries: [] };
      group.entries.push(entry);
      failed.set(failure.code, group);
    });
    if (acknowledged.length > 0) {
      const ids = acknowledged.map((entry) => entry.entryId);
      this.#index.remove(ids);
      // Deleted before anyone is told: a crash in between resends (a duplicate, same entryId), never loses.
      settled(ids, stream);
    }
    const partial = acknowledged.length > 0;
    for (const { failure, entries } of failed.values()) this.#fail(entries, failure, undefined, partial);
    return acknowledged.length > 0;
  }

  #fail(entries: readonly IndexedEntry[], failure: Failure, cause: unknown, partial = false): void {
    const now = this.#config.clock();
    const error = toError(failure, cause);
    let attempt = 0;
    let delay: number | null = 0;
    // One jitter draw for the entries that failed together: spread against other devices, they come back together in
    // one batch rather than in as many small calls as there were entries.
    const draw = this.#config.random();
    const random = () => draw;
    for (const entry of entries) {
      const decision = afterFailure(this.state(entry.entryId), failure, now, this.#config.retry, random, partial);
      this.#states.set(entry.entryId, decision.state);
      attempt = Math.max(attempt, decision.state.attempts);
      delay = decision.state.parked ? null : Math.max(delay ?? 0, decision.delayMs);
    }
    const entryIds = entries.map((entry) => entry.entryId);
    // One event per failure: `failed` when only an operator can fix it (the entries stay stored and are tried again
    // after `operatorFixDelayMs`), else `retrying` with the wait chosen.
    if (failure.policy.retryable) this.#events.emit('retrying', { entryIds, attempt, delayMs: delay, error });
    else this.#events.emit('failed', { entryIds, error });
  }

  async #evictExpired(now: number): Promise<void> {
    // Oldest first: the expired ones are a prefix.
    const ids: string[] = [];
    for (const entry of this.#index.ordered()) {
      if (now - entry.storedAt <= this.#config.maxEntryAgeMs) break;
      ids.push(entry.entryId);
    }
    if (ids.length === 0) return;
    await this.#store.delete(ids);
    this.forget(ids);
    this.#events.emit('limit', { limit: 'age', entryIds: ids });
  }

  #schedule(): void {
    if (this.#stopped) return;
    const wakeAt = nextWakeAt(this.#states.values());
    if (wakeAt === undefined) return;
    const delay = Math.max(0, wakeAt - this.#config.clock());
    this.#timer = this.#config.timers.set(() => void this.run(), delay);
  }
}
