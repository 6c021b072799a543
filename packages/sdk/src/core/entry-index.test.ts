import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EntryIndex } from './entry-index.js';

const entry = (entryId: string, storedAt: number) => ({ entryId, bytes: 10, storedAt });

describe('EntryIndex', () => {
  it('lists entries oldest first, whatever order they were added in', () => {
    const index = new EntryIndex();
    index.add(entry('b', 2));
    index.add(entry('c', 3));
    index.add(entry('a', 1));
    assert.deepEqual(
      index.ordered().map((item) => item.entryId),
      ['a', 'b', 'c'],
    );
  });

  it('leaves out removed entries and counts what is left', () => {
    const index = new EntryIndex();
    index.replace([entry('a', 1), entry('b', 2), entry('c', 3)]);
    index.ordered();
    index.remove(['b', 'unknown']);
    assert.equal(index.size, 2);
    assert.equal(index.has('b'), false);
    assert.deepEqual(
      index.ordered().map((item) => item.entryId),
      ['a', 'c'],
    );
  });

  it('hands out copies that later changes leave alone', () => {
    const index = new EntryIndex();
    index.add(entry('a', 1));
    const before = index.ordered();
    index.add(entry('b', 2));
    index.remove(['a']);
    assert.deepEqual(
      before.map((item) => item.entryId),
      ['a'],
    );
    assert.deepEqual(
      index.ordered().map((item) => item.entryId),
      ['b'],
    );
  });

  it('updates an entry added twice without listing it twice', () => {
    const index = new EntryIndex();
    index.add(entry('a', 1));
    index.add({ ...entry('a', 1), line: '{}' });
    assert.deepEqual(index.ordered(), [{ ...entry('a', 1), line: '{}' }]);
  });
});
