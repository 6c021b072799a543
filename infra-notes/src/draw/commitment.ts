// The commitment a brand publishes when the eligible set freezes, before the seed exists: SHA-256 over a canonical
// text of the rule parameters and the sorted eligible entry ids. Anyone holding the published list can recompute it;
// no one can choose an entry id that wins, because the set is fixed before the seed is known.
import { createHash } from 'node:crypto';
import { type DrawRules, freezesAt } from './eligibility.js';

/** First line of the committed text: names the format, so a later format cannot be confused with this one. */
export const COMMITMENT_FORMAT = 'campaign-entry draw commitment v1';

/**
 * The exact text that is hashed: the format line, `closes-at`, `grace-minutes`, `freezes-at`, `entrant-key-version`,
 * `eligible <count>`, then one entry id per line in code-unit order; every line ends with `\n`.
 */
export function commitmentText(eligibleEntryIds: readonly string[], rules: DrawRules): string {
  const ids = [...new Set(eligibleEntryIds)].sort();
  const lines = [
    COMMITMENT_FORMAT,
    `closes-at ${rules.closesAt}`,
    `grace-minutes ${rules.graceMinutes}`,
    `freezes-at ${freezesAt(rules)}`,
    `entrant-key-version ${rules.entrantKeyVersion}`,
    `eligible ${ids.length}`,
    ...ids,
  ];
  return `${lines.join('\n')}\n`;
}

/** Lower-case hex SHA-256 of {@link commitmentText}. */
export function commitmentOf(eligibleEntryIds: readonly string[], rules: DrawRules): string {
  return createHash('sha256').update(commitmentText(eligibleEntryIds, rules), 'utf8').digest('hex');
}
