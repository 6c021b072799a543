// "Did you mean …?" for the e-mail domains people mistype most (gmial.con, hotmial.com, yaho.com, outlok.com,
// icloud.co): a winner whose address has a typo cannot be reached. Only a suggestion: the entry is never refused for it.
// Pure; in the controller's chunk, never the first file.

/** Domains entrants use most (US), spelled right. A domain listed here is never "corrected". */
export const COMMON_EMAIL_DOMAINS: readonly string[] = [
  'gmail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'icloud.com',
  'aol.com',
  'live.com',
  'msn.com',
  'me.com',
  'mac.com',
  'mail.com',
  'ymail.com',
  'gmx.com',
  'comcast.net',
  'att.net',
  'verizon.net',
  'sbcglobal.net',
  'protonmail.com',
];

/** Edits (insert, delete, substitute, swap two neighbours) between `a` and `b`: optimal string alignment distance. */
function distance(a: string, b: string): number {
  // Two rows of the usual table before the current one: a swap looks two back.
  let before: number[] = [];
  let row = [...Array(b.length + 1).keys()];
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
        a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? (before[j - 2] as number) + 1 : 9,
      );
    [before, row] = [row, next];
  }
  return row[b.length] as number;
}

/**
 * The address with its domain corrected when it looks like a typo of a common one (one edit away, or two for longer
 * domains), else `undefined`.
 * @example suggestEmail('ada@gmial.con') // 'ada@gmail.com'
 */
export function suggestEmail(email: string | null | undefined): string | undefined {
  const value = (email ?? '').trim();
  const at = value.lastIndexOf('@');
  const domain = value.slice(at + 1).toLowerCase();
  // Wait for a whole domain (a dot and two letters after it) and leave known domains alone.
  if (at < 1 || !/\.[a-z]{2,}$/u.test(domain) || COMMON_EMAIL_DOMAINS.includes(domain)) return undefined;
  let found: string | undefined;
  let nearest = domain.length > 7 ? 3 : 2;
  for (const common of COMMON_EMAIL_DOMAINS) {
    const edits = distance(domain, common);
    if (edits < nearest) [found, nearest] = [common, edits];
  }
  return found && `${value.slice(0, at)}@${found}`;
}
