// Reveal: the order of the committed set under the seed, and who wins. Pure. Erased entries (an entrant's erasure
// request after the commitment) stay in the committed set, so the commitment still verifies, but cannot win: the
// winners are the first `count` non-erased entries of the full order, numbered 1, 2, … among themselves.
import { drawOrder } from '../models/fair-draw.js';

/** One winner or alternate. */
export interface Winner {
  /** 1 wins; 2, 3, … are alternates in order. */
  readonly position: number;
  readonly entryId: string;
  /** SHA-256 of `<seed>:<entryId>`, for anyone checking by hand. */
  readonly drawHash: string;
}

/** What {@link pickWinners} decides. */
export interface DrawResult {
  readonly winners: readonly Winner[];
  /** Committed entries passed over because they were erased after the commitment (rank in the full order). */
  readonly erasedSkipped: readonly { readonly rank: number; readonly entryId: string }[];
}

/** A seed as published: hex, at least 128 bits; lower-cased. */
export function normaliseSeed(seed: string): string {
  const text = seed.trim().toLowerCase();
  if (!/^[0-9a-f]{32,}$/u.test(text)) {
    throw new RangeError('the seed must be hex, at least 32 digits (e.g. a drand round’s randomness)');
  }
  return text;
}

/**
 * Orders the committed set by SHA-256 of `<seed>:<entryId>` and takes the first `count` that were not erased.
 * Same inputs, same result: nothing here depends on input order or on a clock.
 */
export function pickWinners(
  committedEntryIds: readonly string[],
  seed: string,
  count: number,
  erased: ReadonlySet<string> = new Set(),
): DrawResult {
  const winners: Winner[] = [];
  const erasedSkipped: { rank: number; entryId: string }[] = [];
  for (const place of drawOrder(committedEntryIds, seed)) {
    if (winners.length >= count) break;
    if (erased.has(place.entryId)) erasedSkipped.push({ rank: place.position, entryId: place.entryId });
    else winners.push({ position: winners.length + 1, entryId: place.entryId, drawHash: place.drawHash });
  }
  return { winners, erasedSkipped };
}
