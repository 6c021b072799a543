// A priority queue of timed events (a binary min-heap on time, then insertion order), so a million devices' timers
// cost O(log n) each instead of the sorted scan a test clock can afford.

/** One scheduled callback. Cancelled events stay in the heap and are skipped when they come up (lazy deletion). */
export interface ScheduledEvent {
  /** Virtual time, ms since the epoch. */
  readonly at: number;
  /** Insertion order: events at the same time run first-in, first-out, so runs repeat exactly. */
  readonly seq: number;
  run: () => void;
  cancelled: boolean;
}

const nothing = () => {};

/** Cancels `event`: it is skipped when it comes up, and lets go of its callback (and whatever that holds) now. */
export function cancel(event: ScheduledEvent): void {
  event.cancelled = true;
  event.run = nothing;
}

function before(a: ScheduledEvent, b: ScheduledEvent): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** A min-heap of {@link ScheduledEvent}s. */
export class EventQueue {
  readonly #heap: ScheduledEvent[] = [];
  #seq = 0;

  /** Events in the heap, cancelled ones included. */
  get size(): number {
    return this.#heap.length;
  }

  /** Adds `run` at time `at`; returns the event (keep it to cancel). */
  push(at: number, run: () => void): ScheduledEvent {
    const event: ScheduledEvent = { at, seq: this.#seq++, run, cancelled: false };
    const heap = this.#heap;
    let index = heap.length;
    heap.push(event);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const above = heap[parent] as ScheduledEvent;
      if (!before(event, above)) break;
      heap[index] = above;
      index = parent;
    }
    heap[index] = event;
    return event;
  }

  /** The earliest event without removing it. */
  peek(): ScheduledEvent | undefined {
    return this.#heap[0];
  }

  /** Removes and returns the earliest event. */
  pop(): ScheduledEvent | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let index = 0;
    const length = heap.length;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      const child =
        right < length && before(heap[right] as ScheduledEvent, heap[left] as ScheduledEvent) ? right : left;
      const smaller = heap[child] as ScheduledEvent;
      if (!before(smaller, last)) break;
      heap[index] = smaller;
      index = child;
    }
    heap[index] = last;
    return top;
  }
}
