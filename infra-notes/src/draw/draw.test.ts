// The attacks on the draw, replayed against it: each must fail.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { entrantKeyOf } from '@campaign-entry/firehose-transform/entrant-key';
import { drawHash } from '../models/fair-draw.js';
import { readGzipLines, writeGzipLines } from '../store/gzip-lines.js';
import { createMemoryObjectStore } from '../store/object-store.js';
import { commitmentOf } from './commitment.js';
import { DrawErrorCode } from './draw-error.js';
import { commitDraw, revealDraw, tombstoneErased, verifyDraw } from './draw-service.js';
import { drawRules, eligibleEntries } from './eligibility.js';
import { deliver, deliveredLine } from './testing.js';

const CLOSES = '2027-02-14T02:00:00.000Z';
const rules = drawRules(CLOSES, 10);
const AFTER_FREEZE = () => Date.parse('2027-02-14T03:00:00Z');
const SEED = 'a3f1c0de9b7e4d2f8c6a1b3e5d7f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f';
const at = (minute: number) => new Date(Date.parse('2027-02-14T01:00:00Z') + minute * 60_000).toISOString();

/** 40 honest entrants, arriving over the hour before close. */
async function honestStore() {
  const store = createMemoryObjectStore();
  const lines = Array.from({ length: 40 }, (_, i) =>
    deliveredLine({
      email: `fan${i}@example.com`,
      entryId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      arrivedAt: at(i),
    }),
  );
  await deliver(store, lines.slice(0, 20), 'a');
  await deliver(store, lines.slice(20), 'b');
  return store;
}

const stores = (store: ReturnType<typeof createMemoryObjectStore>) => ({ entries: store, state: store });

describe('the draw (commit, then reveal)', () => {
  test('a record arriving after closes-at + grace is not eligible, however good its hash and backdated its claim', async () => {
    const store = await honestStore();
    // The attacker grinds ids until one would rank first, then sends it 6 h after close claiming an early time.
    const ids = Array.from({ length: 2000 }, (_, i) => `ffffffff-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const best = ids.reduce((a, b) => (drawHash(SEED, a) < drawHash(SEED, b) ? a : b));
    await deliver(store, [
      deliveredLine({
        email: 'mallory@example.com',
        entryId: best,
        submittedAt: at(5),
        arrivedAt: '2027-02-14T08:00:00Z',
      }),
    ]);
    await commitDraw(stores(store), rules, AFTER_FREEZE);
    const reveal = await revealDraw(stores(store), SEED, 40);
    assert.equal(reveal.eligible, 40);
    assert.ok(!reveal.winners.some((winner) => winner.entryId === best));
  });

  test('one arriving a millisecond after the freeze is out; exactly at the freeze is in', () => {
    const line = (arrivedAt: string, email: string) => JSON.parse(deliveredLine({ email, arrivedAt }));
    const onTime = line('2027-02-14T02:10:00.000Z', 'a@example.com');
    const late = line('2027-02-14T02:10:00.001Z', 'b@example.com');
    assert.deepEqual(
      eligibleEntries([onTime, late], rules).map((e) => e.entryId),
      [onTime.entryId],
    );
  });

  test('Gmail dot, googlemail, +tag, case and NFKC variants of one address are one entrant', async () => {
    const store = createMemoryObjectStore();
    const variants = ['john@gmail.com', 'j.ohn@gmail.com', 'J.O.H.N+win@googlemail.com', 'ｊｏｈｎ@gmail.com'];
    const dots = Array.from({ length: 50 }, (_, i) => `j${'.'.repeat(1)}o${i % 2 ? '.' : ''}hn+${i}@gmail.com`);
    await deliver(
      store,
      [...variants, ...dots].map((email, i) => deliveredLine({ email, arrivedAt: at(i % 50) })),
    );
    assert.equal(new Set([...variants, ...dots].map((email) => entrantKeyOf(email))).size, 1);
    assert.equal((await commitDraw(stores(store), rules, AFTER_FREEZE)).eligible, 1);
  });

  test('a forged entry with a backdated submittedAt does not displace the genuine, earlier-arriving one', async () => {
    const store = createMemoryObjectStore();
    const genuine = deliveredLine({ email: 'vic.tim@example.com', arrivedAt: at(30), submittedAt: at(30) });
    const forged = deliveredLine({
      email: 'Vic.Tim+x@Example.com',
      arrivedAt: at(45),
      submittedAt: at(-600),
      marketing: true,
    });
    await deliver(store, [forged, genuine]);
    const [only] = eligibleEntries([JSON.parse(forged), JSON.parse(genuine)], rules);
    assert.equal(only?.entryId, JSON.parse(genuine).entryId);
  });

  test('the same files and seed give the same commitment and winners, and a second seed is refused', async () => {
    const first = await honestStore();
    const second = await honestStore();
    const a = await commitDraw(stores(first), rules, AFTER_FREEZE);
    const b = await commitDraw(stores(second), rules, () => AFTER_FREEZE() + 3_600_000);
    assert.equal(a.commitment, b.commitment);
    assert.match(a.commitment, /^[0-9a-f]{64}$/);
    assert.deepEqual(await revealDraw(stores(first), SEED, 5), await revealDraw(stores(second), SEED, 5));
    assert.deepEqual(await revealDraw(stores(first), SEED, 5), await revealDraw(stores(first), SEED, 5));
    await assert.rejects(revealDraw(stores(second), 'ff'.repeat(32), 5), { code: DrawErrorCode.InvalidArgument });
  });

  test('the commitment covers the rules too: another grace or closes-at is another commitment', () => {
    const ids = ['a', 'b'];
    assert.notEqual(commitmentOf(ids, rules), commitmentOf(ids, drawRules(CLOSES, 11)));
    assert.notEqual(commitmentOf(ids, rules), commitmentOf(ids, drawRules('2027-02-14T02:00:01Z', 10)));
    assert.equal(commitmentOf(['b', 'a'], rules), commitmentOf(ids, rules));
  });

  test('commit refuses before the grace ends, and never replaces a commitment', async () => {
    const store = await honestStore();
    await assert.rejects(
      commitDraw(stores(store), rules, () => Date.parse('2027-02-14T02:09:59Z')),
      {
        code: DrawErrorCode.NotFrozen,
      },
    );
    await commitDraw(stores(store), rules, AFTER_FREEZE);
    await assert.rejects(commitDraw(stores(store), rules, AFTER_FREEZE), { code: DrawErrorCode.AlreadyCommitted });
  });

  test('reveal refuses when a file is added, removed or changed after the commit; a late file changes nothing', async () => {
    const tamper: [string, (store: ReturnType<typeof createMemoryObjectStore>) => Promise<void>][] = [
      ['added', async (s) => void (await deliver(s, [deliveredLine({ email: 'x@example.com', arrivedAt: at(59) })]))],
      ['removed', async (s) => s.remove((await s.list('entries/'))[0] as string)],
      [
        'changed',
        async (s) => {
          const key = (await s.list('entries/'))[1] as string;
          const lines = readGzipLines((await s.get(key)) as Uint8Array);
          await s.put(
            key,
            writeGzipLines([lines[0]?.replace('"rules":true', '"rules":false') ?? '', ...lines.slice(1)]),
          );
        },
      ],
    ];
    for (const [what, change] of tamper) {
      const store = await honestStore();
      await commitDraw(stores(store), rules, AFTER_FREEZE);
      await change(store);
      await assert.rejects(revealDraw(stores(store), SEED, 3), { code: DrawErrorCode.CommitmentMismatch }, what);
      assert.equal((await verifyDraw(stores(store))).commitmentHolds, false, what);
    }
    const store = await honestStore();
    await commitDraw(stores(store), rules, AFTER_FREEZE);
    await deliver(store, [deliveredLine({ email: 'late@example.com', arrivedAt: '2027-02-14T02:30:00Z' })]);
    assert.equal((await revealDraw(stores(store), SEED, 3)).winners.length, 3);
    assert.deepEqual(await verifyDraw(stores(store)), {
      commitment: (await verifyDraw(stores(store))).commitment,
      commitmentHolds: true,
      eligible: 40,
      erased: 0,
      seed: SEED,
      winnersHold: true,
    });
  });

  test('an entrant erased after the commit keeps the commitment valid and cannot win', async () => {
    const store = await honestStore();
    await commitDraw(stores(store), rules, AFTER_FREEZE);
    const order = (await revealDraw(stores(await committedCopy()), SEED, 2)).winners;
    const top = order[0]?.entryId as string;
    // Erase the would-be winner: drop its line and record its tombstone.
    for (const key of await store.list('entries/')) {
      const lines = readGzipLines((await store.get(key)) as Uint8Array);
      const kept = lines.filter((line) => !line.includes(top));
      if (kept.length !== lines.length) await store.put(key, writeGzipLines(kept));
    }
    assert.equal(await tombstoneErased(store, [{ entryId: top, arrivedAt: null }], AFTER_FREEZE), 1);
    const reveal = await revealDraw(stores(store), SEED, 2);
    assert.deepEqual(reveal.erasedSkipped, [{ rank: 1, entryId: top }]);
    assert.equal(reveal.winners[0]?.entryId, order[1]?.entryId);
    assert.equal((await verifyDraw(stores(store))).commitmentHolds, true);

    async function committedCopy() {
      const copy = await honestStore();
      await commitDraw(stores(copy), rules, AFTER_FREEZE);
      return copy;
    }
  });
});
