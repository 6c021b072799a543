// The one definition of "the same person" for the competition: the canonical entrant key of an e-mail address. The
// transform writes it into every delivered record (`checks.entrantKey`), and everything downstream (the draw, the
// Athena views, `pnpm query`, access and erasure requests) reads or recomputes it with this module, because SQL
// engines cannot normalise Unicode (NFKC) the same way.
import { domainToASCII } from 'node:url';

/**
 * Version of the key rules below. Part of a published draw commitment: changing the rules (or the policy table)
 * changes who counts as the same entrant, so a draw states which version it used.
 */
export const ENTRANT_KEY_VERSION = 1;

/** How one mail domain treats its local parts. */
export interface DomainRule {
  /** Dots in the local part are ignored by the provider (`j.ohn@` and `john@` are one mailbox). */
  readonly dropDots?: boolean;
  /** Another name of this domain: keys use the canonical domain (`googlemail.com` → `gmail.com`). */
  readonly aliasOf?: string;
}

/** The rules a key is made with; {@link DEFAULT_ENTRANT_KEY_POLICY} unless a campaign says otherwise. */
export interface EntrantKeyPolicy {
  /** Per domain (lower-case ASCII, after alias resolution for `dropDots`). */
  readonly domains: Readonly<Record<string, DomainRule>>;
  /** Sub-address separator: everything from it to the `@` is dropped (`ada+promo@` → `ada@`). */
  readonly tagSeparator: string;
}

/** Gmail ignores dots and answers to googlemail.com too; every domain gets `+tag` removal and case folding. */
export const DEFAULT_ENTRANT_KEY_POLICY: EntrantKeyPolicy = {
  domains: {
    'gmail.com': { dropDots: true },
    'googlemail.com': { aliasOf: 'gmail.com' },
  },
  tagSeparator: '+',
};

/** NFKC, then full case folding (upper then lower maps `ß` → `ss`, `ﬀ` → `ff`), then NFKC again. */
function fold(text: string): string {
  return text.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC').trim();
}

/**
 * The canonical entrant key of an e-mail address, or `undefined` when it is not one (no `@`, empty parts).
 * NFKC + case-folded, surrounding space removed, domain in ASCII (IDNA) without a trailing dot and resolved through
 * `aliasOf`, the `+tag` removed, dots removed where the domain's rule says so.
 * @example entrantKeyOf(' J.Ohn+Promo@GoogleMail.com ') // 'john@gmail.com'
 */
export function entrantKeyOf(
  email: string | null | undefined,
  policy: EntrantKeyPolicy = DEFAULT_ENTRANT_KEY_POLICY,
): string | undefined {
  if (typeof email !== 'string') return undefined;
  const folded = fold(email);
  const at = folded.lastIndexOf('@');
  if (at < 1 || at === folded.length - 1) return undefined;
  const rawDomain = folded.slice(at + 1).replace(/\.$/u, '');
  let domain = domainToASCII(rawDomain) || rawDomain;
  domain = policy.domains[domain]?.aliasOf ?? domain;
  let local = folded.slice(0, at);
  const tag = local.indexOf(policy.tagSeparator);
  // `+x@` alone is a real local part at some providers: keep it rather than make an empty key.
  if (tag > 0) local = local.slice(0, tag);
  if (policy.domains[domain]?.dropDots) local = local.replaceAll('.', '') || local;
  return `${local}@${domain}`;
}

/**
 * The key an entry counts under: its e-mail's {@link entrantKeyOf}, or `entry:<entryId>` (its own entrant) when it
 * has no usable e-mail.
 */
export function entrantKeyForEntry(
  entryId: string,
  email: string | null | undefined,
  policy: EntrantKeyPolicy = DEFAULT_ENTRANT_KEY_POLICY,
): string {
  return entrantKeyOf(email, policy) ?? `entry:${entryId}`;
}
