// The client's events, typed, and a tiny emitter for them.

import type { StorageKind } from './adapters/entry-store.js';
import type { CampaignEntryError } from './core/errors/campaign-entry-error.js';

/** Fired when an entry is saved on the device, before any network call. */
export interface QueuedEvent {
  readonly entryId: string;
  /** Where it was saved. `memory` means it survives only while the page stays open. */
  readonly storage: StorageKind;
}

/** Fired when Firehose acknowledged the record (its `RequestResponses` entry has a `RecordId`). */
export interface DeliveredEvent {
  readonly entryId: string;
  /** The delivery stream that acknowledged it. `undefined` when another tab delivered it. */
  readonly stream: string | undefined;
  /** Attempts this page visit made (1 = first try). */
  readonly attempts: number;
}

/**
 * Fired when a failure retrying can fix left entries unsent: they will be tried again. A failure only an operator can
 * fix fires {@link FailedEvent} instead (one event per failure).
 */
export interface RetryingEvent {
  readonly entryIds: readonly string[];
  /** The attempt that just failed (1 = first try). */
  readonly attempt: number;
  /** Wait before the next attempt in ms; `null` when the entries are left stored for the next page visit, the next
   * `online` event or an explicit `flush()`. */
  readonly delayMs: number | null;
  readonly error: CampaignEntryError;
}

/** Fired for errors retrying cannot fix (an operator must act). The entries stay stored and are tried again later. */
export interface FailedEvent {
  readonly entryIds: readonly string[];
  readonly error: CampaignEntryError;
}

/** Fired when the device holds no undelivered entries any more. */
export interface DrainedEvent {
  /** Entries delivered since the last `drained`. */
  readonly delivered: number;
}

/** Fired when a storage bound was hit: too many stored entries (new ones are refused) or entries too old (removed). */
export interface LimitEvent {
  readonly limit: 'count' | 'age';
  /** Entries concerned: the refused one, or the removed ones. */
  readonly entryIds: readonly string[];
}

/** Event name → payload. */
export interface CampaignClientEventMap {
  queued: QueuedEvent;
  delivered: DeliveredEvent;
  retrying: RetryingEvent;
  failed: FailedEvent;
  drained: DrainedEvent;
  limit: LimitEvent;
}

/** A listener for event `K`. */
export type Listener<K extends keyof CampaignClientEventMap> = (event: CampaignClientEventMap[K]) => void;

/** A minimal typed emitter; a throwing listener never breaks delivery. */
export class Emitter {
  readonly #listeners = new Map<keyof CampaignClientEventMap, Set<Listener<never>>>();

  on<K extends keyof CampaignClientEventMap>(name: K, listener: Listener<K>): () => void {
    const set = this.#listeners.get(name) ?? new Set();
    this.#listeners.set(name, set);
    set.add(listener as Listener<never>);
    return () => this.off(name, listener);
  }

  off<K extends keyof CampaignClientEventMap>(name: K, listener: Listener<K>): void {
    this.#listeners.get(name)?.delete(listener as Listener<never>);
  }

  emit<K extends keyof CampaignClientEventMap>(name: K, event: CampaignClientEventMap[K]): void {
    for (const listener of this.#listeners.get(name) ?? []) {
      try {
        (listener as Listener<K>)(event);
      } catch (error) {
        // Surface it like an uncaught error in the page, without stopping the other listeners or delivery.
        const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
        if (report) report(error);
        else console.error(error);
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}
