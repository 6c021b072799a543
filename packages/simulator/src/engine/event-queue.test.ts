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
    assert.deepEqual(
      popped,
      added.sort((a, b) => a.at - b.at || a.seq - b.seq),
    );
  });
});
