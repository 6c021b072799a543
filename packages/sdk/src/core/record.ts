// The record format (DESIGN.md): one JSON object per line, UTF-8, ending in "\n", key order fixed.
import { FIELD_NAMES, type FieldName } from './fields.js';
import { utf8Length } from './text.js';
import { type EntryIssue, IssueCode, issue, type ValidEntry } from './validate.js';

/** The record format's version, written as `schema`. */
export const RECORD_SCHEMA = 1;

/** Firehose's limit for one record before base64: 1,000 KiB. */
export const MAX_RECORD_BYTES = 1000 * 1024;

/**
 * The largest `meta.fillMs` a record carries: one day, in milliseconds. A form open longer says nothing more for fraud
 * review, and an unbounded number would not fit the `bigint` column downstream; {@link createRecord} clamps to it.
 */
export const MAX_FILL_MS = 86_400_000;

/** What `meta.sdk` looks like: a semantic version (`0.1.0`, `1.2.0-rc.1`), at most 32 characters. */
export const SDK_VERSION_PATTERN = /^(?=.{5,32}$)\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/u;

/** Signals about how the entry was made, for fraud review. */
export interface RecordMeta {
  /** The form's language (`en`, `es`). */
  readonly locale: string;
  /** The SDK version that made the record. */
  readonly sdk: string;
  /** Milliseconds from the form's first interaction to submit; `null` when unknown. */
  readonly fillMs: number | null;
  /** True when a bot signal fired (honeypot filled, implausibly fast fill). The entry is kept and flagged, never dropped. */
  readonly suspect: boolean;
}

/** One entry as stored in S3. `entryId` is made once on the device and never changes. */
export interface EntryRecord {
  readonly schema: typeof RECORD_SCHEMA;
  /** A v4 UUID made on the device when the entrant submitted. The dedupe key downstream. */
  readonly entryId: string;
  readonly campaignId: string;
  /** Device time of submit, ISO 8601 UTC with milliseconds. */
  readonly submittedAt: string;
  readonly fields: Readonly<Partial<Record<FieldName, string>>>;
  readonly consent: { readonly rules: true; readonly marketing: boolean };
  readonly meta: RecordMeta;
}

/** What {@link createRecord} needs besides the validated entry. */
export interface RecordContext {
  readonly entryId: string;
  readonly campaignId: string;
  /** ms since the epoch. */
  readonly now: number;
  readonly meta: RecordMeta;
}

/**
 * Builds the record for a validated entry, with fields in form order.
 */
export function createRecord(entry: ValidEntry, context: RecordContext): EntryRecord {
  const fields: Partial<Record<FieldName, string>> = {};
  for (const name of FIELD_NAMES) {
    const value = entry.fields[name];
    if (value !== undefined) fields[name] = value;
  }
  return {
    schema: RECORD_SCHEMA,
    entryId: context.entryId,
    campaignId: context.campaignId,
    submittedAt: new Date(context.now).toISOString(),
    fields,
    consent: { rules: true, marketing: entry.consent.marketing },
    meta: {
      locale: context.meta.locale,
      sdk: context.meta.sdk,
      fillMs: context.meta.fillMs === null ? null : Math.min(MAX_FILL_MS, Math.max(0, Math.round(context.meta.fillMs))),
      suspect: context.meta.suspect,
    },
  };
}

/** The record as one newline-terminated JSON line: the exact bytes Firehose receives and Athena reads. */
export function encodeRecord(record: EntryRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/** The result of {@link encodeRecordChecked}. */
export type EncodeResult =
  | { readonly success: true; readonly line: string; readonly bytes: number }
  | { readonly success: false; readonly issues: readonly [EntryIssue] };

/** {@link encodeRecord}, refusing records over {@link MAX_RECORD_BYTES}. */
export function encodeRecordChecked(record: EntryRecord): EncodeResult {
  const line = encodeRecord(record);
  const bytes = utf8Length(line);
  if (bytes > MAX_RECORD_BYTES)
    return { success: false, issues: [issue('record', IssueCode.TooLarge, MAX_RECORD_BYTES)] };
  return { success: true, line, bytes };
}

/** The result of {@link decodeRecord}. */
export type DecodeResult =
  | { readonly success: true; readonly record: EntryRecord }
  | { readonly success: false; readonly reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/u;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The only keys each object of a record may have: a key no SDK writes is refused, not carried into S3 unseen.
const RECORD_KEYS = ['schema', 'entryId', 'campaignId', 'submittedAt', 'fields', 'consent', 'meta'];
const CONSENT_KEYS = ['rules', 'marketing'];
const META_KEYS = ['locale', 'sdk', 'fillMs', 'suspect'];

function unknownKey(value: Record<string, unknown>, known: readonly string[]): string | undefined {
  return Object.keys(value).find((key) => !known.includes(key));
}

const clipKey = (key: string) => JSON.stringify(key.slice(0, 40));

/**
 * Parses one line back into a record and checks its shape strictly (not its field values: run `validateEntry` on
 * `record.fields` for that): no key the SDK does not write, `meta.sdk` a version, `meta.fillMs` null or a whole number
 * from 0 to {@link MAX_FILL_MS}. For servers that receive records from anyone holding guest credentials.
 */
export function decodeRecord(line: string): DecodeResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { success: false, reason: 'not JSON' };
  }
  if (!isObject(value)) return { success: false, reason: 'not a JSON object' };
  if (value.schema !== RECORD_SCHEMA)
    return { success: false, reason: `unsupported schema ${JSON.stringify(value.schema)}` };
  if (typeof value.entryId !== 'string' || !UUID.test(value.entryId))
    return { success: false, reason: 'entryId is not a UUID' };
  if (typeof value.campaignId !== 'string' || value.campaignId === '')
    return { success: false, reason: 'campaignId missing' };
  if (
    typeof value.submittedAt !== 'string' ||
    !ISO_INSTANT.test(value.submittedAt) ||
    Number.isNaN(Date.parse(value.submittedAt))
  ) {
    return { success: false, reason: 'submittedAt is not an ISO instant' };
  }
  const extra = unknownKey(value, RECORD_KEYS);
  if (extra !== undefined) return { success: false, reason: `unknown key ${clipKey(extra)}` };
  const { fields, consent, meta } = value;
  if (!isObject(fields) || !Object.values(fields).every((field) => typeof field === 'string')) {
    return { success: false, reason: 'fields must be an object of strings' };
  }
  // Even blank: validation would ignore an empty unknown field and the canonical record drop it, unseen.
  const unknownField = unknownKey(fields, FIELD_NAMES);
  if (unknownField !== undefined) return { success: false, reason: `unknown field ${clipKey(unknownField)}` };
  if (
    !isObject(consent) ||
    consent.rules !== true ||
    typeof consent.marketing !== 'boolean' ||
    unknownKey(consent, CONSENT_KEYS) !== undefined
  ) {
    return { success: false, reason: 'consent must be {rules: true, marketing: boolean}' };
  }
  if (
    !isObject(meta) ||
    typeof meta.locale !== 'string' ||
    typeof meta.sdk !== 'string' ||
    !(meta.fillMs === null || typeof meta.fillMs === 'number') ||
    typeof meta.suspect !== 'boolean' ||
    unknownKey(meta, META_KEYS) !== undefined
  ) {
    return { success: false, reason: 'meta must be {locale, sdk, fillMs, suspect}' };
  }
  if (!SDK_VERSION_PATTERN.test(meta.sdk)) return { success: false, reason: 'meta.sdk is not a version' };
  if (meta.fillMs !== null && !(Number.isInteger(meta.fillMs) && meta.fillMs >= 0 && meta.fillMs <= MAX_FILL_MS)) {
    return { success: false, reason: `meta.fillMs must be null or a whole number from 0 to ${MAX_FILL_MS}` };
  }
  return { success: true, record: value as unknown as EntryRecord };
}
