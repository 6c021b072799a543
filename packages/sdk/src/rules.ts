// @campaign-entry/sdk/rules — the pure rules every side applies alike: the widget as the entrant types, the client
// before it stores, the Firehose transformation Lambda before a record lands (fields, validation, the record format,
// limits) and the names everything is stored under. No I/O, no dependencies.

export type { FieldListResult, FieldName, FieldSpec } from './core/fields.js';
export { FIELD_NAMES, parseFieldList } from './core/fields.js';
export { type BatchLimits, DEFAULT_MAX_ENTRY_AGE_MS, FIREHOSE_BATCH_LIMITS } from './core/limits.js';
export { countryProblem, POSTAL_CODE_COUNTRIES, POSTAL_CODE_PATTERNS } from './core/postal-codes.js';
export type { DecodeResult, EncodeResult, EntryRecord, RecordContext, RecordMeta } from './core/record.js';
export {
  createRecord,
  decodeRecord,
  encodeRecord,
  encodeRecordChecked,
  MAX_FILL_MS,
  MAX_RECORD_BYTES,
  RECORD_SCHEMA,
  SDK_VERSION_PATTERN,
} from './core/record.js';
export { cognitoIdentityKey, STORAGE_KEY_PREFIX, type StorageKeyParts, storageKey } from './core/storage-keys.js';
export { FORMULA_PREFIXES } from './core/text.js';
export type {
  EntryInput,
  EntryIssue,
  FieldResult,
  IssueTarget,
  ValidationResult,
  ValidEntry,
} from './core/validate.js';
export { FIELD_MAX_LENGTH, IssueCode, validateEntry, validateField } from './core/validate.js';
