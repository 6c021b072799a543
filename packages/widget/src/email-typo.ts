// "Did you mean …?" for the e-mail domains people mistype most (gmial.con, hotmial.com, yaho.com, outlok.com,
// icloud.co): a winner whose address has a typo cannot be reached. Only a suggestion: the entry is never refused for it.
// Pure; in the controller's chunk, never the first file.

/** Domains entrants use most (US), spelled right. A domain listed here is never "corrected". */
export const COMMON_EMAIL_DOMAINS = [
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
] as const;

/** Edits (insert, delete, substitute, swap two neighbours) between `a` and `b`, up to `max + 1`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Optimal string alignment distance, rows of the usual table.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      row.push(best);
    }
    before = previous;
    previous = row;
  }
  return previous[b.length] ?? max + 1;
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
  if (at <= 0 || !/\.[a-z]{2,}$/u.test(domain) || (COMMON_EMAIL_DOMAINS as readonly string[]).includes(domain))
    return undefined;
  const max = domain.length >= 8 ? 2 : 1;
  let found: string | undefined;
  let nearest = max + 1;
  for (const common of COMMON_EMAIL_DOMAINS) {
    const edits = distance(domain, common, max);
    if (edits < nearest) [found, nearest] = [common, edits];
  }
  return found && `${value.slice(0, at)}@${found}`;
}
