// Text hygiene shared by every field: one normal form, no invisible control characters, no spreadsheet formulas.

// C0 controls (incl. tab, CR, LF), DEL, C1 controls, bidirectional overrides/isolates (used to disguise text),
// line/paragraph separators, the BOM, and unpaired surrogates (not valid UTF-16, so not valid UTF-8 either).
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

/**
 * Characters a spreadsheet treats as the start of a formula (CSV/formula injection, OWASP). Our stance: a value that
 * starts with one of them is **rejected**, not escaped, so what is stored is exactly what the entrant typed and nothing
 * exported from Athena to a spreadsheet can run. Phone numbers may start with `+` because their shape (digits and
 * separators only) cannot carry a formula.
 */
export const FORMULA_PREFIXES = ['=', '+', '-', '@', '\t', '\r', '\uff1d', '\uff0b', '\uff0d', '\uff20'] as const;

/** Unicode NFC, trimmed, with runs of whitespace inside collapsed to one space. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/** Whether `value` holds a control, bidi-override or unpaired-surrogate character. */
export function hasForbiddenCharacters(value: string): boolean {
  return FORBIDDEN.test(value);
}

/** Whether a spreadsheet would read `value` as a formula (see {@link FORMULA_PREFIXES}). */
export function looksLikeFormula(value: string): boolean {
  return FORMULA_PREFIXES.some((prefix) => value.startsWith(prefix));
}

/** Length in code points (what a person counts), not UTF-16 units. */
export function codePointLength(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/** UTF-8 byte length of `value`. */
export function utf8Length(value: string): number {
  let bytes = 0;
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
