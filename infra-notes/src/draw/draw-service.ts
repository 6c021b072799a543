// The three draw steps over stores, with the clock injected: commit (freeze the eligible set and publish its hash),
// reveal (order the committed set by the published seed), verify (an auditor's recomputation of both).
import type { ObjectStore } from '../store/object-store.js';
import { commitmentOf } from './commitment.js';
import { DrawError, DrawErrorCode } from './draw-error.js';
import {
  addTombstones,
  loadDeliveredEntries,
  readCommitment,
  readReveal,
  readTombstones,
  type StoredCommitment,
  writeCommitment,
  writeReveal,
} from './draw-files.js';
import { type DrawRules, eligibleEntries, freezesAt } from './eligibility.js';
import { normaliseSeed, pickWinners, type Winner } from './reveal.js';

/** Where the delivered records are, and where the draw keeps its files (may be the same bucket). */
export interface DrawStores {
  readonly entries: ObjectStore;
  readonly state: ObjectStore;
}

/** What `pnpm draw reveal` prints and stores. */
export interface RevealOutput {
  readonly commitment: string;
  readonly seed: string;
  readonly eligible: number;
  readonly winners: readonly Winner[];
  /** Committed entries erased after the commitment that the order passed over (rank in the full order). */
  readonly erasedSkipped: readonly { readonly rank: number; readonly entryId: string }[];
}

/** What `pnpm draw verify` prints. */
export interface VerifyOutput {
  readonly commitment: string;
  readonly commitmentHolds: boolean;
  readonly eligible: number;
  readonly erased: number;
  /** Why the commitment does not hold (absent when it does). */
  readonly reason?: string;
  /** Whether the stored reveal's winners are what the seed gives (absent before a reveal). */
  readonly winnersHold?: boolean;
  readonly seed?: string;
}

/**
 * Freezes the eligible set: refuses before closes-at + grace (records may still arrive) or over an existing
 * commitment; stores the commitment and the sorted list under `draw/`.
 */
export async function commitDraw(stores: DrawStores, rules: DrawRules, now: () => number): Promise<StoredCommitment> {
  const freeze = freezesAt(rules);
  if (now() < Date.parse(freeze)) {
    throw new DrawError(DrawErrorCode.NotFrozen, `the eligible set freezes at ${freeze}; commit after that`);
  }
  if (await readCommitment(stores.state)) {
    throw new DrawError(
      DrawErrorCode.AlreadyCommitted,
      'a commitment is already stored (draw/commitment.json); a published commitment is never replaced',
    );
  }
  const eligible = eligibleEntries(await loadDeliveredEntries(stores.entries), rules).map((entry) => entry.entryId);
  const stored: StoredCommitment = {
    commitment: commitmentOf(eligible, rules),
    eligible: eligible.length,
    ...rules,
    freezesAt: freeze,
    committedAt: new Date(now()).toISOString(),
  };
  await writeCommitment(stores.state, stored, eligible);
  return stored;
}

interface Recomputed {
  readonly stored: StoredCommitment;
  readonly committed: readonly string[];
  readonly erased: ReadonlySet<string>;
  readonly reason?: string;
}

const first = (ids: readonly string[]) => (ids.length > 0 ? ` (first: ${ids[0]})` : '');

/** Recomputes the eligible set from the files (erased committed entries count as their tombstones) and compares. */
async function recompute(stores: DrawStores): Promise<Recomputed> {
  const saved = await readCommitment(stores.state);
  if (!saved) throw new DrawError(DrawErrorCode.NoCommitment, 'no stored commitment: run `pnpm draw commit` first');
  const { stored, eligible: committed } = saved;
  const rules: DrawRules = {
    closesAt: stored.closesAt,
    graceMinutes: stored.graceMinutes,
    entrantKeyVersion: stored.entrantKeyVersion,
  };
  const committedSet = new Set(committed);
  const erased = new Set(
    (await readTombstones(stores.state)).map((t) => t.entryId).filter((id) => committedSet.has(id)),
  );
  const live = eligibleEntries(await loadDeliveredEntries(stores.entries), rules).map((entry) => entry.entryId);
  const now = new Set([...live, ...erased]);
  const missing = committed.filter((id) => !now.has(id));
  const added = [...now].filter((id) => !committedSet.has(id)).sort();
  let reason: string | undefined;
  if (commitmentOf(committed, rules) !== stored.commitment) {
    reason = 'draw/eligible.txt does not hash to the stored commitment';
  } else if (missing.length > 0 || added.length > 0) {
    reason =
      `the files no longer give the committed set: ${missing.length} committed entries gone${first(missing)}, ` +
      `${added.length} eligible entries not committed${first(added)}`;
  }
  return { stored, committed, erased, ...(reason ? { reason } : {}) };
}

/**
 * Orders the committed set by the seed and stores the result. Refuses when the files no longer give the committed
 * set, or when a reveal with another seed is stored (one seed per draw: no re-rolls).
 */
export async function revealDraw(stores: DrawStores, seed: string, winners: number): Promise<RevealOutput> {
  const hex = normaliseSeed(seed);
  if (!Number.isInteger(winners) || winners < 1) {
    throw new DrawError(DrawErrorCode.InvalidArgument, `--winners ${winners} must be a whole number from 1`);
  }
  const { stored, committed, erased, reason } = await recompute(stores);
  if (reason) throw new DrawError(DrawErrorCode.CommitmentMismatch, `refusing to reveal: ${reason}`);
  const previous = await readReveal<RevealOutput>(stores.state);
  if (previous && previous.seed !== hex) {
    throw new DrawError(
      DrawErrorCode.InvalidArgument,
      `already revealed with seed ${previous.seed}; one seed per draw`,
    );
  }
  const result = pickWinners(committed, hex, winners, erased);
  const output: RevealOutput = {
    commitment: stored.commitment,
    seed: hex,
    eligible: committed.length,
    winners: result.winners,
    erasedSkipped: result.erasedSkipped,
  };
  await writeReveal(stores.state, output);
  return output;
}

/** Recomputes the commitment and, after a reveal, the winners, from the files alone. */
export async function verifyDraw(stores: DrawStores): Promise<VerifyOutput> {
  const { stored, committed, erased, reason } = await recompute(stores);
  const revealed = await readReveal<RevealOutput>(stores.state);
  let winners: Pick<VerifyOutput, 'winnersHold' | 'seed'> = {};
  if (revealed) {
    const again = pickWinners(committed, revealed.seed, revealed.winners.length, erased);
    winners = {
      seed: revealed.seed,
      winnersHold: JSON.stringify(again.winners) === JSON.stringify(revealed.winners),
    };
  }
  return {
    commitment: stored.commitment,
    commitmentHolds: reason === undefined,
    eligible: committed.length,
    erased: erased.size,
    ...(reason ? { reason } : {}),
    ...winners,
  };
}

/** Records tombstones for committed entries that an erasure removes (no-op before a commitment). */
export async function tombstoneErased(
  state: ObjectStore,
  erased: readonly { entryId: string; arrivedAt: string | null }[],
  now: () => number,
): Promise<number> {
  const saved = await readCommitment(state);
  if (!saved) return 0;
  const committed = new Set(saved.eligible);
  const tombstones = erased
    .filter((entry) => committed.has(entry.entryId))
    .map((entry) => ({ ...entry, erased: true as const, erasedAt: new Date(now()).toISOString() }));
  await addTombstones(state, tombstones);
  return tombstones.length;
}
