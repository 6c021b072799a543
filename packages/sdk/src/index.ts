// @campaign-entry/sdk — the client: everything a page needs to take entries. The shared rules (validation, records,
// storage keys) are `@campaign-entry/sdk/rules`; in-memory twins for tests are `@campaign-entry/sdk/testing`; the
// localStorage stash for a form submitted before the client loads is `@campaign-entry/sdk/stash`; the load-once
// helper is `@campaign-entry/sdk/lazy`. The rest is internal and may change.

export type { EntryStore, KeyValueStore, StorageKind, StoredEntry } from './adapters/entry-store.js';
export type { StoragePreference } from './adapters/open-store.js';
export type { FirehoseTransport, PutOptions, RecordResult } from './adapters/transport.js';
export type { CampaignClient, FlushResult, SubmitOptions, SubmitReceipt } from './client.js';
export { createCampaignClient } from './client.js';
export type { CampaignClientConfig, Timers } from './config.js';
export type { CampaignEntryErrorOptions } from './core/errors/campaign-entry-error.js';
export { CampaignEntryError } from './core/errors/campaign-entry-error.js';
export { ErrorCode } from './core/errors/error-code.js';
export { isCampaignEntryError } from './core/errors/is-campaign-entry-error.js';
export type { FieldName } from './core/fields.js';
export type { BatchLimits, RetryPolicy } from './core/limits.js';
export type { EntryRecord, RecordMeta } from './core/record.js';
export type { EntryInput, EntryIssue, IssueTarget } from './core/validate.js';
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
