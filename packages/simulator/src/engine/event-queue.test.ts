import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventQueue } from './event-queue.js';
import { createRandom } from './random.js';

describe('event queue', () => {
  it('pops events in time order, and events at the same time in the order they were added', () => {
    const queue = new EventQueue();
    const random = createRandom(3);
    const added: { at: number; seq: number }[] = [];
    for (let index = 0; index < 2_000; index++) {
      const event = queue.push(Math.floor(random() * 50), () => {});
      added.push({ at: event.at, seq: event.seq });
    }
    const popped: { at: number; seq: number }[] = [];
    for (let event = queue.pop(); event; event = queue.pop()) popped.push({ at: event.at, seq: event.seq });
    assert.equal(queue.size, 0);
    assert.deepEqual(
      popped,
      added.sort((a, b) => a.at - b.at || a.seq - b.seq),
    );
  });

  it('keeps that order when events are added while others are taken, at the current time, later or earlier', () => {
    const queue = new EventQueue();
    const random = createRandom(5);
    const pending: { at: number; seq: number }[] = [];
    const popped: { at: number; seq: number }[] = [];
    const expected: { at: number; seq: number }[] = [];
    for (let step = 0; step < 5_000; step++) {
      if (random() < 0.55 || pending.length === 0) {
        const last = popped[popped.length - 1]?.at ?? 0;
        // Mostly at or after the last time taken (as virtual time adds them), sometimes before it.
        const at = random() < 0.9 ? last + Math.floor(random() * 20) : Math.floor(random() * 200);
        const event = queue.push(at, () => {});
        pending.push({ at: event.at, seq: event.seq });
      } else {
        pending.sort((a, b) => a.at - b.at || a.seq - b.seq);
        expected.push(pending.shift() as { at: number; seq: number });
        const event = queue.pop();
        assert.ok(event);
        popped.push({ at: event.at, seq: event.seq });
      }
    }
    assert.deepEqual(popped, expected);
    assert.equal(queue.size, pending.length);
  });
});
