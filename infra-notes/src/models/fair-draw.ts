// The winner draw, outside any database: the same ranking as athena/winner-draw.sql, so anyone given the published
// seed and the list of eligible entry ids can recompute the order (`scripts/verify-draw.ts`, `pnpm draw verify`).
import { createHash } from 'node:crypto';
import { entrantKeyForEntry } from '@campaign-entry/firehose-transform/entrant-key';

/** One place in the draw. */
export interface DrawPlace {
  /** 1 is the winner, then alternates in order. */
  readonly position: number;
  readonly entryId: string;
  /** Lower-case hex SHA-256 of `<seed>:<entryId>` (UTF-8). */
  readonly drawHash: string;
}

/**
 * The entrant an entry belongs to: the canonical entrant key of its e-mail (one definition, in
 * `@campaign-entry/firehose-transform/entrant-key`, which the transform writes as `checks.entrantKey`), or
 * `entry:<entryId>` when there is no usable e-mail.
 * @example entrantKey('e1', ' Ada+Promo@Example.com ') // 'ada@example.com'
 */
export function entrantKey(entryId: string, email: string | null | undefined): string {
  return entrantKeyForEntry(entryId, email);
}

/** The rank key of one entry: lower-case hex SHA-256 of `<seed>:<entryId>`. */
export function drawHash(seed: string, entryId: string): string {
  return createHash('sha256').update(`${seed}:${entryId}`, 'utf8').digest('hex');
}

/**
 * Orders eligible entries by `drawHash(seed, entryId)`, ties (practically impossible) by entry id.
 * @param eligibleEntryIds one entry per entrant, already filtered for eligibility
 */
export function drawOrder(eligibleEntryIds: Iterable<string>, seed: string): DrawPlace[] {
  return [...new Set(eligibleEntryIds)]
    .map((entryId) => ({ entryId, drawHash: drawHash(seed, entryId) }))
    .sort((a, b) => compare(a.drawHash, b.drawHash) || compare(a.entryId, b.entryId))
    .map((place, index) => ({ position: index + 1, ...place }));
}

/** Code-unit order, as SQL's default collation on ASCII hex and UUIDs. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
