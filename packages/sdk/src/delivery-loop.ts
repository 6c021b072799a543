// The delivery loop: reads stored entries, sends the due ones in packed batches, deletes what Firehose acknowledged,
// schedules retries for the rest. One round at a time per client; one sender at a time per campaign across tabs.
import { withLock } from './adapters/cross-tab.js';
import type { EntryStore, StoredEntry } from './adapters/entry-store.js';
import type { FirehoseTransport } from './adapters/transport.js';
import type { ResolvedConfig } from './config.js';
import { fitRequestBody, packBatches } from './core/batch.js';
import { classifyFailure, classifyRecordError, type Failure, toError } from './core/classify.js';
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
  readonly #store: EntryStore;
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
    store: EntryStore,
    transport: () => Promise<FirehoseTransport>,
    events: Emitter,
    callbacks: DeliveryCallbacks,
  ) {
    this.#config = config;
    this.#store = store;
    this.#transport = transport;
    this.#events = events;
    this.#callbacks = callbacks;
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

  /** Forgets retry state of entries another tab delivered. */
  forget(entryIds: readonly string[]): void {
    for (const id of entryIds) this.#states.delete(id);
  }

  async #drain(options: RoundOptions): Promise<void> {
    let round = options;
    for (;;) {
      const progressed = await withLock(storageKey(this.#config.campaignId, 'send'), () => this.#round(round));
      if (!progressed || round.keepalive || this.#stopped) return;
      round = { force: false, keepalive: false };
    }
  }

  /** One pass over the store. Returns whether anything was acknowledged (worth another pass at once). */
  async #round(options: RoundOptions): Promise<boolean> {
    const now = this.#config.clock();
    const stored = await this.#evictExpired(await this.#store.list(), now);
    const storedIds = new Set(stored.map((entry) => entry.entryId));
    for (const id of this.#states.keys()) if (!storedIds.has(id)) this.#states.delete(id);
    if (stored.length === 0) {
      if (this.#deliveredSinceDrain > 0) this.#events.emit('drained', { delivered: this.#deliveredSinceDrain });
      this.#deliveredSinceDrain = 0;
      return false;
    }
    const due = stored.filter((entry) => isDue(this.state(entry.entryId), now, options.force));
    if (due.length === 0) return false;
    const byStream = new Map<string, StoredEntry[]>();
    for (const entry of due) {
      const stream = streamFor(entry.entryId, this.#config.streams, this.state(entry.entryId).failovers);
      const group = byStream.get(stream);
      if (group) group.push(entry);
      else byStream.set(stream, [entry]);
    }
    let transport: FirehoseTransport;
    try {
      transport = await this.#transport();
    } catch (error) {
      // The AWS chunk could not load (offline since the page loaded): the same as a network failure.
      this.#fail(due, classifyFailure(error), error);
      return false;
    }
    if (options.keepalive) {
      const [stream, entries] = [...byStream.entries()][0] as [string, StoredEntry[]];
      const fitting = fitRequestBody(stream, entries, KEEPALIVE_BODY_BYTES - 1024);
      if (fitting.length === 0) return false;
      return this.#send(transport, stream, fitting, true);
    }
    // Streams in parallel, batches of one stream one after another: one request in flight per stream.
    const results = await Promise.all(
      [...byStream.entries()].map(async ([stream, entries]) => {
        let progressed = false;
        for (const batch of packBatches(entries, this.#config.batch)) {
          if (this.#stopped) break;
          progressed = (await this.#send(transport, stream, batch, false)) || progressed;
        }
        return progressed;
      }),
    );
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
      // Deleted before anyone is told: a crash in between resends (a duplicate, same entryId), never loses.
      await this.#store.delete(ids);
      this.#deliveredSinceDrain += ids.length;
      this.#callbacks.delivered(ids, stream);
      for (const id of ids) this.#events.emit('delivered', { entryId: id, stream, attempts: this.state(id).attempts });
      for (const id of ids) this.#states.delete(id);
    }
    for (const { failure, entries } of failed.values()) this.#fail(entries, failure, undefined);
    return acknowledged.length > 0;
  }

  #fail(entries: readonly StoredEntry[], failure: Failure, cause: unknown): void {
    const now = this.#config.clock();
    const error = toError(failure, cause);
    let attempt = 0;
    let delay: number | null = 0;
    for (const entry of entries) {
      const decision = afterFailure(this.state(entry.entryId), failure, now, this.#config.retry, this.#config.random);
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

  async #evictExpired(stored: StoredEntry[], now: number): Promise<StoredEntry[]> {
    const expired = stored.filter((entry) => now - entry.storedAt > this.#config.maxEntryAgeMs);
    if (expired.length === 0) return stored;
    const ids = expired.map((entry) => entry.entryId);
    await this.#store.delete(ids);
    this.#events.emit('limit', { limit: 'age', entryIds: ids });
    const removed = new Set(ids);
    return stored.filter((entry) => !removed.has(entry.entryId));
  }

  #schedule(): void {
    if (this.#stopped) return;
    const wakeAt = nextWakeAt(this.#states.values());
    if (wakeAt === undefined) return;
    const delay = Math.max(0, wakeAt - this.#config.clock());
    this.#timer = this.#config.timers.set(() => void this.run(), delay);
  }
}
