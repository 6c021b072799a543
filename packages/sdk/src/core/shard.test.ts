import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { streamFor } from './shard.js';

const streams = ['entries-0', 'entries-1', 'entries-2', 'entries-3'];

describe('streamFor', () => {
  it('always gives the same entry the same stream', () => {
    const id = randomUUID();
    assert.equal(streamFor(id, streams), streamFor(id, streams));
  });

  it('spreads entries evenly over the streams', () => {
    const counts = new Map<string, number>();
    for (let index = 0; index < 20_000; index++) {
      const stream = streamFor(randomUUID(), streams);
      counts.set(stream, (counts.get(stream) ?? 0) + 1);
    }
    for (const stream of streams)
      assert.ok(Math.abs((counts.get(stream) ?? 0) - 5000) < 400, `${stream}: ${counts.get(stream)}`);
  });

  it('fails over to the next stream, cycling through all of them', () => {
    const id = randomUUID();
    const seen = new Set([0, 1, 2, 3].map((failovers) => streamFor(id, streams, failovers)));
    assert.equal(seen.size, 4);
    assert.equal(streamFor(id, streams, 4), streamFor(id, streams, 0));
  });
});
