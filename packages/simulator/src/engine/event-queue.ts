// A priority queue of timed events for a million devices' timers. Timers fire on a clock tick, so many events share
// an instant: events are kept in one first-in, first-out list per instant, and only the distinct instants sit in a
// binary min-heap (of plain numbers). Adding an event costs O(1) when its instant already has a list, O(log n) in the
// number of instants otherwise; the order is the same as sorting by (time, insertion order).

/** One scheduled callback. Cancelled events stay queued and are skipped when they come up (lazy deletion). */
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

/** Events in time order, and in insertion order within one time. */
export class EventQueue {
  /** The distinct times that have events, as a min-heap. */
  readonly #times: number[] = [];
  /** Each time's events, in insertion order. */
  readonly #lists = new Map<number, ScheduledEvent[]>();
  /** The earliest time's list while it is being consumed, and how far. */
  #head: ScheduledEvent[] | undefined;
  #headAt = Number.NaN;
  #headIndex = 0;
  #seq = 0;
  #size = 0;

  /** Events queued, cancelled ones included. */
  get size(): number {
    return this.#size;
  }

  /** Adds `run` at time `at`; returns the event (keep it to cancel). */
  push(at: number, run: () => void): ScheduledEvent {
    const event: ScheduledEvent = { at, seq: this.#seq++, run, cancelled: false };
    this.#size++;
    if (this.#head && at < this.#headAt) this.#putBackHead(); // earlier than the list being consumed (not in a run)
    const list = this.#lists.get(at);
    if (list) list.push(event);
    else {
      this.#lists.set(at, [event]);
      this.#pushTime(at);
    }
    return event;
  }

  /** The earliest event without removing it. */
  peek(): ScheduledEvent | undefined {
    return this.#current()?.[this.#headIndex];
  }

  /** Removes and returns the earliest event. */
  pop(): ScheduledEvent | undefined {
    const list = this.#current();
    if (!list) return undefined;
    const event = list[this.#headIndex++] as ScheduledEvent;
    this.#size--;
    return event;
  }

  /** The earliest time's list with an event left at #headIndex, moving on to the next time when one is used up. */
  #current(): ScheduledEvent[] | undefined {
    if (this.#head && this.#headIndex < this.#head.length) return this.#head;
    if (this.#head) {
      // Used up: later pushes at this time start a new list (and a new heap entry), which comes after it anyway.
      this.#lists.delete(this.#headAt);
      this.#head = undefined;
    }
    const at = this.#popTime();
    if (at === undefined) return undefined;
    this.#head = this.#lists.get(at);
    this.#headAt = at;
    this.#headIndex = 0;
    return this.#head;
  }

  /** Returns the rest of the list being consumed to the queue. */
  #putBackHead(): void {
    const rest = (this.#head as ScheduledEvent[]).slice(this.#headIndex);
    this.#head = undefined;
    if (rest.length === 0) this.#lists.delete(this.#headAt);
    else {
      this.#lists.set(this.#headAt, rest);
      this.#pushTime(this.#headAt);
    }
  }

  #pushTime(at: number): void {
    const heap = this.#times;
    let index = heap.length;
    heap.push(at);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const above = heap[parent] as number;
      if (above <= at) break;
      heap[index] = above;
      index = parent;
    }
    heap[index] = at;
  }

  #popTime(): number | undefined {
    const heap = this.#times;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    const length = heap.length;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      const child = right < length && (heap[right] as number) < (heap[left] as number) ? right : left;
      const smaller = heap[child] as number;
      if (smaller >= last) break;
      heap[index] = smaller;
      index = child;
    }
    heap[index] = last;
    return top;
  }
}
