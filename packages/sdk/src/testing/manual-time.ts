// A controllable clock and timers for tests: time moves only when the test says so.
import type { Timers } from '../config.js';

/** A manual clock with timers that fire when `advance` passes their time. */
export interface ManualTime {
  readonly now: () => number;
  readonly timers: Timers;
  /** Moves time forward, firing due timers in order and letting promise callbacks run between them. */
  advance(ms: number): Promise<void>;
  /** Lets pending promise callbacks (and macrotasks) run without moving time. */
  settle(): Promise<void>;
  /** Number of timers waiting. */
  readonly pendingTimers: number;
}

/** Creates a {@link ManualTime} starting at `start` ms since the epoch. */
export function createManualTime(start = Date.UTC(2027, 1, 14, 1, 0, 0)): ManualTime {
  let current = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const settle = async () => {
    for (let index = 0; index < 20; index++) await new Promise<void>((resolve) => setImmediate(resolve));
  };
  return {
    now: () => current,
    timers: {
      set(callback, ms) {
        const id = nextId++;
        timers.set(id, { at: current + Math.max(0, ms), callback });
        return id;
      },
      clear(handle) {
        timers.delete(handle as number);
      },
    },
    async advance(ms) {
      const target = current + ms;
      await settle();
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, timer]) => timer.at <= target)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        current = Math.max(current, due[1].at);
        due[1].callback();
        await settle();
      }
      current = target;
      await settle();
    },
    settle,
    get pendingTimers() {
      return timers.size;
    },
  };
}
