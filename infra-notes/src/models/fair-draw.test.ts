import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { drawHash, drawOrder, entrantKey } from './fair-draw.js';

describe('entrantKey', () => {
  test('treats case, surrounding spaces and +tags as the same person', () => {
    for (const email of ['ada@example.com', ' ADA@Example.com ', 'ada+promo@example.com']) {
      assert.equal(entrantKey('e1', email), 'ada@example.com');
    }
  });

  test('makes an entry without a usable e-mail its own entrant', () => {
    assert.equal(entrantKey('e1', undefined), 'entry:e1');
    assert.equal(entrantKey('e2', 'not-an-email'), 'entry:e2');
  });
});

describe('drawOrder', () => {
  const ids = ['b', 'a', 'c', 'd', 'e'];

  test('ranks by SHA-256 of "<seed>:<entryId>", which anyone can recompute', () => {
    const order = drawOrder(ids, 'seed');
    const hashes = order.map((place) => place.drawHash);
    assert.deepEqual(hashes, [...hashes].sort());
    assert.equal(order[0]?.drawHash, createHash('sha256').update(`seed:${order[0]?.entryId}`).digest('hex'));
    assert.deepEqual(
      order.map((place) => place.position),
      [1, 2, 3, 4, 5],
    );
  });

  test('does not depend on the order of the input, only on the seed', () => {
    assert.deepEqual(drawOrder([...ids].reverse(), 'seed'), drawOrder(ids, 'seed'));
    assert.notDeepEqual(
      drawOrder(ids, 'seed').map((p) => p.entryId),
      drawOrder(ids, 'other').map((p) => p.entryId),
    );
  });

  test('counts a repeated id once', () => {
    assert.equal(drawOrder(['a', 'a', 'b'], 's').length, 2);
    assert.equal(drawHash('s', 'a').length, 64);
  });
});
