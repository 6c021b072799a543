// Virtual time for a whole simulated world: one clock, SDK-shaped timers on an event queue, and a run loop that lets
// every promise callback settle before the clock moves, so the SDK's async code runs exactly as it would in time.
import type { Timers } from '@campaign-entry/sdk';
import { cancel, EventQueue, type ScheduledEvent } from './event-queue.js';

/** The world's clock and timers. */
export interface VirtualTime {
  /** Current virtual time in ms since the epoch. */
  readonly now: () => number;
  /** Timers for `createCampaignClient({ timers })`. */
  readonly timers: Timers;
  /** Runs `callback` after `ms` of virtual time; returns a handle for {@link Timers.clear}. */
  at(ms: number, callback: () => void): ScheduledEvent;
  /** A promise that resolves after `ms` of virtual time. */
  sleep(ms: number): Promise<void>;
  /**
   * Runs events in time order until none is left or the next is past `until`. Between instants it lets every queued
   * promise callback run (one macrotask turn), so time never moves while SDK code still has work at this instant.
   */
  run(until?: number): Promise<void>;
  /** Events still scheduled (cancelled ones included). */
  readonly pending: number;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Creates a {@link VirtualTime} starting at `start` ms since the epoch (a multiple of `tickMs`). Timers fire on the
 * next tick at or after their time, as a browser's clamped timers do; a coarser tick lets many devices share an
 * instant, which is what makes a million of them affordable.
 */
export function createVirtualTime(start: number, tickMs = 1): VirtualTime {
  const queue = new EventQueue();
  let current = start;
  const at = (ms: number, callback: () => void) =>
    queue.push(Math.ceil((current + Math.max(0, ms)) / tickMs) * tickMs, callback);
  return {
    now: () => current,
    timers: {
      set: (callback, ms) => at(ms, callback),
      clear(handle) {
        // A cleared timer would otherwise keep its closure (a whole disposed client) until its time comes.
        if (handle && typeof handle === 'object') cancel(handle as ScheduledEvent);
      },
    },
    at,
    sleep: (ms) => new Promise<void>((resolve) => at(ms, resolve)),
    async run(until = Number.POSITIVE_INFINITY) {
      await turn();
      for (;;) {
        const next = queue.peek();
        if (next === undefined || next.at > until) break;
        current = next.at;
        // Every event of this instant, including ones scheduled at this instant by the events themselves.
        let ran = false;
        for (let event = queue.peek(); event !== undefined && event.at === current; event = queue.peek()) {
          queue.pop();
          if (event.cancelled) continue;
          event.run();
          ran = true;
        }
        if (ran) await turn();
      }
      if (until !== Number.POSITIVE_INFINITY && until > current) current = until;
    },
    get pending() {
      return queue.size;
    },
  };
}
