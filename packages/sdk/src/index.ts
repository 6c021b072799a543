// @campaign-entry/sdk — the public surface. Everything a user may import is re-exported here by name; the rest is
// internal and may change.

export type { EntryStore, KeyValueStore, StorageKind, StoredEntry } from './adapters/entry-store.js';
export { createMemoryStore } from './adapters/memory-store.js';
export type { StoragePreference } from './adapters/open-store.js';
export { randomUuid } from './adapters/random-id.js';
export type {
  FirehoseTransport,
  MemoryTransport,
  MemoryTransportBehaviour,
  PutOptions,
  RecordResult,
} from './adapters/transport.js';
export { createMemoryTransport } from './adapters/transport.js';
export type { CampaignClient, FlushResult, SubmitOptions, SubmitReceipt } from './client.js';
export { createCampaignClient } from './client.js';
export type { CampaignClientConfig, Timers } from './config.js';
export { DEFAULT_MAX_ENTRY_AGE_MS, parseStreams } from './config.js';
export { nextDelayMs } from './core/backoff.js';
export { packBatches } from './core/batch.js';
export type { Failure } from './core/classify.js';
export { classifyFailure, classifyRecordError } from './core/classify.js';
export type { FieldListResult, FieldName, FieldSpec } from './core/fields.js';
export { DEFAULT_FIELDS, DEFAULT_MIN_AGE, FIELD_NAMES, isFieldName, minAgeFor, parseFieldList } from './core/fields.js';
export type { BatchLimits, RetryPolicy } from './core/limits.js';
export { DEFAULT_RETRY_POLICY, FIREHOSE_BATCH_LIMITS, KEEPALIVE_BODY_BYTES } from './core/limits.js';
export type { DecodeResult, EncodeResult, EntryRecord, RecordContext, RecordMeta } from './core/record.js';
export {
  createRecord,
  decodeRecord,
  encodeRecord,
  encodeRecordChecked,
  MAX_RECORD_BYTES,
  RECORD_SCHEMA,
} from './core/record.js';
export { streamFor } from './core/shard.js';
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
export { ErrorCode } from './error-code.js';
export type { CampaignEntryErrorOptions } from './errors.js';
export { CampaignEntryError, isCampaignEntryError } from './errors.js';
export type {
  CampaignClientEventMap,
  DeliveredEvent,
  DrainedEvent,
  FailedEvent,
  LimitEvent,
  Listener,
  QueuedEvent,
  RetryingEvent,
} from './events.js';
export { SDK_VERSION } from './version.js';
