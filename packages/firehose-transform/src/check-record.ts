// One record through the SDK's own rules: size, UTF-8, decodeRecord (shape and schema), the campaign, validateEntry
// (the field rules the widget applies), then createRecord + encodeRecord for the canonical line with the server's
// fields added. Pure and total: every input gives an outcome, none throws on bad data.
import {
  createRecord,
  decodeRecord,
  type EntryRecord,
  encodeRecord,
  type IssueCode,
  type IssueTarget,
  MAX_RECORD_BYTES,
  validateEntry,
} from '@campaign-entry/sdk/rules';
import { DEFAULT_LOCALES, type TransformConfig } from './config.js';
import { entrantKeyForEntry } from './entrant-key.js';
import { type ReviewFlag, reviewFlags } from './review.js';

/** Why a record was refused (`ProcessingFailed`). Stable strings: logged and counted per reason. */
export const RejectReason = {
  /** Over Firehose's 1,000 KiB record limit (cannot come through Firehose; checked first, before any parsing). */
  TooLarge: 'too-large',
  /** Not valid UTF-8. */
  NotUtf8: 'not-utf8',
  /** `decodeRecord` refused it: not JSON, unsupported `schema`, or not the record's shape (`detail` says which). */
  BadShape: 'bad-shape',
  /** Well-formed, but for another campaign than this stack's `CAMPAIGN_ID`. */
  WrongCampaign: 'wrong-campaign',
  /**
   * `meta.locale` not one of the campaign's locales, or `meta.sdk` longer than {@link MAX_META_LENGTH}: no page of
   * this campaign writes that (a formula, markup or control characters in `meta.locale` end here).
   */
  BadMeta: 'bad-meta',
  /** `validateEntry` refused the fields or consent (`issues` names each field and code). */
  Invalid: 'invalid',
  /** The check itself threw (a bug): refused, logged, and the rest of the batch goes on. */
  InternalError: 'internal-error',
} as const;

/** One of {@link RejectReason}'s values. */
export type RejectReason = (typeof RejectReason)[keyof typeof RejectReason];

/** Longest `meta.locale` and `meta.sdk` accepted, in UTF-16 units (the SDK writes `en` and `0.1.0`). */
export const MAX_META_LENGTH = 64;

/** What the transform adds under `checks`. */
export interface RecordChecks {
  /** Always true on a delivered record: it passed the SDK's validation here, on the server. */
  readonly valid: true;
  /** True when any flag applies: keep the entry, but leave it out of the draw until someone has looked. */
  readonly review: boolean;
  /** Why it needs review (empty when it does not). */
  readonly flags: readonly ReviewFlag[];
  /** `submittedAt` minus Firehose's arrival time, in milliseconds (negative: submitted before it arrived). */
  readonly clockSkewMs: number;
  /**
   * Who the entry belongs to: the canonical key of its e-mail (`entrant-key.ts`: NFKC, case-folded, `+tag` and Gmail
   * dots removed) or `entry:<entryId>` without one. Computed here, once, so SQL only has to read it.
   */
  readonly entrantKey: string;
}

/** A record as delivered to `entries/`: the SDK's record, canonical, plus the server's fields. */
export interface CheckedRecord extends EntryRecord {
  /** Firehose's arrival time, ISO 8601 UTC. */
  readonly arrivedAt: string;
  readonly checks: RecordChecks;
}

/** One field's problem, without its value (logs carry no personal data). */
export interface RejectedIssue {
  readonly field: IssueTarget;
  readonly code: IssueCode;
}

/** The result of {@link checkRecord}. */
export type RecordOutcome =
  | { readonly ok: true; readonly record: CheckedRecord; readonly line: string }
  | {
      readonly ok: false;
      readonly reason: RejectReason;
      /** A short English explanation without personal data. */
      readonly detail?: string;
      /** The record's entryId, when it got far enough to have a valid one. */
      readonly entryId?: string;
      /** The validation issues, for `invalid`. */
      readonly issues?: readonly RejectedIssue[];
    };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const clip = (text: string, max = 100) => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * Checks one record's bytes against the campaign.
 * @param arrivedAt Firehose's `approximateArrivalTimestamp` (ms since the epoch): the clock for the age rule and the
 *   reference for the device-clock checks, because the device's own clock cannot be trusted
 */
export function checkRecord(bytes: Uint8Array, arrivedAt: number, config: TransformConfig): RecordOutcome {
  if (bytes.byteLength > MAX_RECORD_BYTES) {
    return { ok: false, reason: RejectReason.TooLarge, detail: `${bytes.byteLength} bytes` };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: RejectReason.NotUtf8 };
  }
  const decoded = decodeRecord(text);
  if (!decoded.success) return { ok: false, reason: RejectReason.BadShape, detail: clip(decoded.reason) };
  const { record } = decoded;
  const entryId = record.entryId;
  if (record.campaignId !== config.campaignId) {
    return {
      ok: false,
      reason: RejectReason.WrongCampaign,
      entryId,
      detail: `campaignId ${clip(record.campaignId, 64)}`,
    };
  }
  if (record.meta.sdk.length > MAX_META_LENGTH) return { ok: false, reason: RejectReason.BadMeta, entryId };
  // Exact membership, never a pattern: only what the campaign's own page can write gets through.
  if (!(config.locales ?? DEFAULT_LOCALES).includes(record.meta.locale)) {
    return { ok: false, reason: RejectReason.BadMeta, entryId, detail: 'meta.locale is not a campaign locale' };
  }
  const result = validateEntry({ fields: record.fields, consent: record.consent }, config.spec, arrivedAt);
  if (!result.success) {
    const issues = result.issues.map(({ field, code }) => ({ field, code }));
    return { ok: false, reason: RejectReason.Invalid, entryId, issues };
  }
  const submittedAt = Date.parse(record.submittedAt);
  const canonical = createRecord(result.output, {
    entryId,
    campaignId: record.campaignId,
    now: submittedAt,
    meta: record.meta,
  });
  const flags = reviewFlags({
    submittedAt,
    arrivedAt,
    suspect: record.meta.suspect,
    opensAt: config.opensAt,
    closesAt: config.closesAt,
  });
  const checked: CheckedRecord = {
    ...canonical,
    arrivedAt: new Date(arrivedAt).toISOString(),
    checks: {
      valid: true,
      review: flags.length > 0,
      flags,
      clockSkewMs: submittedAt - arrivedAt,
      entrantKey: entrantKeyForEntry(entryId, canonical.fields.email),
    },
  };
  return { ok: true, record: checked, line: encodeRecord(checked) };
}
