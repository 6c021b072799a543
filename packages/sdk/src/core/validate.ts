// Entry validation: pure, never throws on user input, returns every issue at once (valibot's safeParse shape).
import { type FieldName, type FieldSpec, isFieldName } from './fields.js';
import { minAgeFor } from './min-age.js';
import { POSTAL_CODE_PATTERNS } from './postal-codes.js';
import { codePointLength, hasForbiddenCharacters, looksLikeFormula, normalizeText } from './text.js';

/** Why a value was refused. Stable strings: the widget maps them to localized copy. */
export const IssueCode = {
  /** Asked for but empty. */
  Required: 'required',
  /** Longer than the field allows (`limit` says how long). */
  TooLong: 'too-long',
  /** Not the shape this field takes (an email without a domain, a phone with letters…). */
  InvalidFormat: 'invalid-format',
  /** Holds characters never valid here: control or invisible direction characters, or markup such as `<` `>`. */
  InvalidCharacters: 'invalid-characters',
  /** Starts like a spreadsheet formula (`=`, `+`, `-`, `@`); see {@link FORMULA_PREFIXES}. */
  Formula: 'formula',
  /** A birth date that is not a real calendar date, before 1900 or in the future. */
  InvalidDate: 'invalid-date',
  /** Younger than the campaign's minimum age (`limit` says which). */
  UnderAge: 'under-age',
  /** The rules were not accepted. */
  ConsentRequired: 'consent-required',
  /** A field the campaign did not ask for. */
  NotAsked: 'not-asked',
  /** The encoded record would exceed Firehose's 1,000 KiB record limit. */
  TooLarge: 'too-large',
} as const;

/** One of {@link IssueCode}'s values. */
export type IssueCode = (typeof IssueCode)[keyof typeof IssueCode];

/** Where an issue applies: a field, the consent checkbox, or the record as a whole. */
export type IssueTarget = FieldName | 'consent' | 'record';

/** One problem with one field. `message` is plain English for logs and servers; UIs localize by `code`. */
export interface EntryIssue {
  /** The field (or `consent`, or `record`) at fault. */
  readonly field: IssueTarget;
  /** Why. */
  readonly code: IssueCode;
  /** A sentence in English. */
  readonly message: string;
  /** The bound that was crossed: a maximum length, or the minimum age. */
  readonly limit?: number;
}

/** What an entrant submits. Values are as typed; validation normalizes them. */
export interface EntryInput {
  /** Field values by name. Missing, `null` and blank are all "empty". */
  readonly fields: Readonly<Partial<Record<string, string | null | undefined>>>;
  /** The consent checkboxes. `rules` must be `true`. */
  readonly consent: { readonly rules: boolean; readonly marketing?: boolean };
}

/** A validated entry: normalized values for exactly the fields asked for. */
export interface ValidEntry {
  /** Normalized values (NFC, trimmed; email domain lowercased; phone digits; postal code uppercased). */
  readonly fields: Readonly<Partial<Record<FieldName, string>>>;
  /** Consent as given; rules is always true here. */
  readonly consent: { readonly rules: true; readonly marketing: boolean };
}

/** The result of {@link validateEntry}: the clean entry, or every issue found (at least one). */
export type ValidationResult =
  | { readonly success: true; readonly output: ValidEntry }
  | { readonly success: false; readonly issues: readonly [EntryIssue, ...EntryIssue[]] };

/** The result of {@link validateField}. */
export type FieldResult =
  | { readonly success: true; readonly output: string }
  | { readonly success: false; readonly issue: EntryIssue };

/** Maximum lengths in code points. Generous for real names and addresses; small enough to keep records tiny. */
export const FIELD_MAX_LENGTH: Readonly<Record<FieldName, number>> = {
  name: 100,
  email: 254,
  phone: 32,
  'postal-code': 10,
  'birth-date': 10,
};

// Letters, marks (accents) and the punctuation real names use: space, apostrophes, hyphen, period, comma.
const NAME_MARKUP = /[<>{}[\]\\|^~`]/u;
const NAME_HAS_LETTER = /\p{L}/u;
const EMAIL_LOCAL = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const EMAIL_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const EMAIL_TLD = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;
const PHONE_SHAPE = /^\+?[\d\s().-]+$/u;
const POSTAL_SHAPE = /^[A-Z0-9](?:[A-Z0-9 -]{1,8})[A-Z0-9]$/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

const MESSAGES: Readonly<Record<IssueCode, string>> = {
  required: 'This field is required.',
  'too-long': 'This value is too long.',
  'invalid-format': 'This value is not in a valid format.',
  'invalid-characters': 'This value contains characters that are not allowed.',
  formula: 'This value may not start with =, +, - or @.',
  'invalid-date': 'This is not a valid date of birth.',
  'under-age': 'You are under the minimum age for this competition.',
  'consent-required': 'You must accept the official rules to enter.',
  'not-asked': 'This campaign does not ask for this field.',
  'too-large': 'The entry is too large to send.',
};

/** Builds an issue with the standard English message. */
export function issue(field: IssueTarget, code: IssueCode, limit?: number): EntryIssue {
  return limit === undefined
    ? { field, code, message: MESSAGES[code] }
    : { field, code, message: MESSAGES[code], limit };
}

function fail(field: FieldName, code: IssueCode, limit?: number): FieldResult {
  return { success: false, issue: issue(field, code, limit) };
}

/**
 * Validates and normalizes one field's value. Used by forms to check a field when it is left, with the same rules as
 * {@link validateEntry}.
 * @param now current time in ms since the epoch (age is computed on that UTC date)
 */
export function validateField(
  name: FieldName,
  raw: string | null | undefined,
  spec: FieldSpec,
  now: number,
): FieldResult {
  const trimmed = (raw ?? '').normalize('NFC').trim();
  if (trimmed === '') return fail(name, IssueCode.Required);
  if (hasForbiddenCharacters(trimmed)) return fail(name, IssueCode.InvalidCharacters);
  const value = normalizeText(trimmed);
  const max = FIELD_MAX_LENGTH[name];
  if (codePointLength(value) > max) return fail(name, IssueCode.TooLong, max);
  switch (name) {
    case 'name':
      return checkName(value);
    case 'email':
      return checkEmail(value);
    case 'phone':
      return checkPhone(value);
    case 'postal-code':
      return checkPostalCode(value, spec.country);
    case 'birth-date':
      return checkBirthDate(value, minAgeFor(spec), now);
  }
}

function checkName(value: string): FieldResult {
  if (looksLikeFormula(value)) return fail('name', IssueCode.Formula);
  if (NAME_MARKUP.test(value)) return fail('name', IssueCode.InvalidCharacters);
  if (!NAME_HAS_LETTER.test(value)) return fail('name', IssueCode.InvalidFormat);
  return { success: true, output: value };
}

function checkEmail(value: string): FieldResult {
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return fail('email', IssueCode.InvalidFormat);
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  const labels = domain.split('.');
  const tld = labels.at(-1) ?? '';
  const valid =
    codePointLength(local) <= 64 &&
    EMAIL_LOCAL.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => EMAIL_LABEL.test(label)) &&
    EMAIL_TLD.test(tld);
  if (!valid) return fail('email', IssueCode.InvalidFormat);
  // `=`, `+` and `-` are legal in an address's local part, but not at its start for us (see FORMULA_PREFIXES).
  if (looksLikeFormula(value)) return fail('email', IssueCode.Formula);
  return { success: true, output: `${local}@${domain}` };
}

function checkPhone(value: string): FieldResult {
  if (!PHONE_SHAPE.test(value) || value.lastIndexOf('+') > 0) return fail('phone', IssueCode.InvalidFormat);
  const digits = value.replace(/\D/gu, '');
  // E.164 allows at most 15 digits; 7 is the shortest subscriber number in common use.
  if (digits.length < 7 || digits.length > 15) return fail('phone', IssueCode.InvalidFormat);
  return { success: true, output: value.startsWith('+') ? `+${digits}` : digits };
}

// A campaign's country narrows the shape (a US-only competition takes ZIP codes only); unset takes any common one.
function checkPostalCode(value: string, country: string | undefined): FieldResult {
  const upper = value.toUpperCase();
  if (looksLikeFormula(upper)) return fail('postal-code', IssueCode.Formula);
  const shape = POSTAL_CODE_PATTERNS.get(country ?? '') ?? POSTAL_SHAPE;
  return shape.test(upper) ? { success: true, output: upper } : fail('postal-code', IssueCode.InvalidFormat);
}

/** Whole years between a birth date and `now`'s UTC calendar date. */
export function ageOn(birth: { year: number; month: number; day: number }, now: number): number {
  const today = new Date(now);
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() + 1;
  const day = today.getUTCDate();
  const hadBirthday = month > birth.month || (month === birth.month && day >= birth.day);
  return year - birth.year - (hadBirthday ? 0 : 1);
}

function checkBirthDate(value: string, minAge: number | undefined, now: number): FieldResult {
  const match = ISO_DATE.exec(value);
  if (!match) return fail('birth-date', IssueCode.InvalidFormat);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real || year < 1900 || date.getTime() > now) return fail('birth-date', IssueCode.InvalidDate);
  const age = ageOn({ year, month, day }, now);
  if (age > 120) return fail('birth-date', IssueCode.InvalidDate);
  if (minAge !== undefined && age < minAge) return fail('birth-date', IssueCode.UnderAge, minAge);
  return { success: true, output: value };
}

/**
 * Validates an entry against a campaign's field spec. Never throws on user input; returns every issue at once, in
 * form order, so a form can mark all of them.
 * @param now current time in ms since the epoch (for the age check)
 * @example
 * ```ts
 * const result = validateEntry({ fields: { name: 'Ada', email: 'ada@example.com' }, consent: { rules: true } },
 *   { fields: ['name', 'email'] }, Date.now());
 * if (!result.success) result.issues.forEach((i) => console.log(i.field, i.code));
 * ```
 */
export function validateEntry(input: EntryInput, spec: FieldSpec, now: number): ValidationResult {
  const issues: EntryIssue[] = [];
  const fields: Partial<Record<FieldName, string>> = {};
  for (const name of spec.fields) {
    const result = validateField(name, input.fields[name], spec, now);
    if (result.success) fields[name] = result.output;
    else issues.push(result.issue);
  }
  for (const [key, value] of Object.entries(input.fields)) {
    const asked = isFieldName(key) && spec.fields.includes(key);
    if (!asked && value != null && String(value).trim() !== '') {
      issues.push(
        isFieldName(key)
          ? issue(key, IssueCode.NotAsked)
          : { ...issue('record', IssueCode.NotAsked), message: `Unknown field "${key.slice(0, 40)}".` },
      );
    }
  }
  if (input.consent?.rules !== true) issues.push(issue('consent', IssueCode.ConsentRequired));
  const [first, ...rest] = issues;
  if (first) return { success: false, issues: [first, ...rest] };
  return { success: true, output: { fields, consent: { rules: true, marketing: input.consent.marketing === true } } };
}
