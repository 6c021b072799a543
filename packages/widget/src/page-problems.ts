// The words for the configuration problems the element finds in its own attributes, which it keeps by name only (this
// file's type): for the page's developer, in the console and the campaign-entry-error event (entrants see a neutral
// panel). A chunk of their own, loaded by the controller only when there is a problem: a page set up right never
// downloads them.
import { FIELD_NAMES } from '@campaign-entry/sdk/rules';

/**
 * A problem in the element's attributes: `rules-url` missing, not a secure context (`https`), `opens-at` or `closes-at`
 * not an ISO date-time, a `window` that closes before it opens, a `rules-link` or `privacy-link` that is not http(s) or
 * relative, an unknown `time-zone`, or `fields:<unknown names>`.
 */
export type PageProblem =
  | 'rules-url'
  | 'https'
  | 'opens-at'
  | 'closes-at'
  | 'window'
  | 'rules-link'
  | 'privacy-link'
  | 'time-zone'
  | `fields:${string}`;

const ISO = 'is not an ISO date-time with a time zone (e.g. 2027-02-14T23:00:00Z)';
const LINK = '-url must be an http(s) or relative URL';
const WORDS: Readonly<Record<string, string>> = {
  'rules-url': 'rules-url is missing: the official rules must be linked',
  https: 'this page needs a secure context (HTTPS) to sign entries',
  'opens-at': `opens-at ${ISO}`,
  'closes-at': `closes-at ${ISO}`,
  window: 'closes-at must be later than opens-at',
  'rules-link': `rules${LINK}`,
  'privacy-link': `privacy${LINK}`,
  'time-zone': 'time-zone must be an IANA time zone such as America/New_York',
};

/**
 * The words for `problem`, in English for whoever set up the page; other problems (the SDK client's own, already in
 * words) pass as they are. They name the attribute, never echo its value.
 * @example problemText('fields:mobile') // 'fields names mobile: use name, email, phone, postal-code, birth-date'
 */
export function problemText(problem: string): string {
  if (problem.startsWith('fields:')) return `fields names ${problem.slice(7)}: use ${FIELD_NAMES.join(', ')}`;
  return WORDS[problem] ?? problem;
}
