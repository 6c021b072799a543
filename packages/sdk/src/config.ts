// The client's configuration: what callers pass, the defaults, and the checks that turn a typo into a clear error.

import type { StoragePreference } from './adapters/open-store.js';
import { randomUuid } from './adapters/random-id.js';
import type { FirehoseTransport } from './adapters/transport.js';
import type { CampaignEntryError } from './core/errors/campaign-entry-error.js';
import { ErrorCode } from './core/errors/error-code.js';
import { errorFor } from './core/errors/failure-policy.js';
import { DEFAULT_FIELDS, type FieldName, type FieldSpec, isFieldName } from './core/fields.js';
import {
  type BatchLimits,
  DEFAULT_MAX_ENTRY_AGE_MS,
  DEFAULT_RETRY_POLICY,
  FIREHOSE_BATCH_LIMITS,
  type RetryPolicy,
} from './core/limits.js';
import { countryProblem } from './core/postal-codes.js';

/** Timer functions, injectable so tests control time. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Configuration for {@link createCampaignClient}. Durations are in milliseconds. */
export interface CampaignClientConfig {
  /** AWS region of the delivery streams (and of a single identity pool), e.g. `us-east-1`. */
  readonly region: string;
  /**
   * Cognito identity pool id (`<region>:<uuid>`) with unauthenticated identities enabled; or several, one per region (a
   * comma list or an array), to serve 25 new devices a second per region: each device keeps one, chosen by hash, and
   * moves to the next while its region throttles or is down. Each pool is asked in its own region.
   */
  readonly identityPoolId: string | readonly string[];
  /** One delivery stream name, or several: entries are spread over them by hash of `entryId`. */
  readonly deliveryStreams: string | readonly string[];
  /** Written into every record; also names the on-device storage. */
  readonly campaignId: string;
  /** Endpoint overrides, for the local emulator (`http://127.0.0.1:8787`). */
  readonly endpoints?: { readonly cognito?: string; readonly firehose?: string };
  /** Fields asked for, all required. @default ['name', 'email'] */
  readonly fields?: readonly FieldName[];
  /** Minimum age when `birth-date` is asked. @default 21 */
  readonly minAge?: number;
  /** Country whose postal codes `postal-code` takes (`US`: ZIP). @default any common postal code shape */
  readonly country?: string | undefined;
  /** The form's language, recorded in `meta.locale`. @default 'en' */
  readonly locale?: string;
  /** Where entries wait for delivery. @default 'auto' (IndexedDB, else localStorage, else memory) */
  readonly storage?: StoragePreference;
  /** Retry spacing and deadlines. @default {@link DEFAULT_RETRY_POLICY} */
  readonly retry?: Partial<RetryPolicy>;
  /** PutRecordBatch packing limits (never above Firehose's 500 records / 4 MiB). */
  readonly batch?: Partial<BatchLimits>;
  /** How long `submit` waits for Firehose's acknowledgement before answering `queued`. @default 3000 */
  readonly receiptTimeoutMs?: number;
  /** Most entries kept on one device; further submits are refused with `queue-full`. @default 500 */
  readonly maxStoredEntries?: number;
  /** Entries older than this are removed unsent (with a `limit` event). @default {@link DEFAULT_MAX_ENTRY_AGE_MS} (7 days) */
  readonly maxEntryAgeMs?: number;
  /** Subscribe to page lifecycle (`pagehide`, `visibilitychange`, `online`). @default true in browsers */
  readonly watchPage?: boolean;
  /**
   * Whether the device has a network. Without one, `submit` answers `queued` at once instead of waiting
   * `receiptTimeoutMs` for an acknowledgement that cannot come. @default `navigator.onLine` (true outside browsers)
   */
  readonly online?: () => boolean;
  /** Replace the AWS SDK transport (tests, servers, custom signing). */
  readonly transport?: FirehoseTransport;
  /** Current time in ms since the epoch. @default Date.now */
  readonly clock?: () => number;
  /** Random source in [0, 1) for backoff jitter. @default Math.random */
  readonly random?: () => number;
  /** Makes entry ids. @default crypto.randomUUID */
  readonly randomId?: () => string;
  /** Timers. @default setTimeout/clearTimeout */
  readonly timers?: Timers;
}

/** The configuration with every default applied. */
export interface ResolvedConfig {
  readonly region: string;
  readonly identityPoolIds: readonly [string, ...string[]];
  readonly streams: readonly [string, ...string[]];
  readonly campaignId: string;
  readonly endpoints: { readonly cognito?: string; readonly firehose?: string };
  readonly spec: FieldSpec;
  readonly locale: string;
  readonly storage: StoragePreference;
  readonly retry: RetryPolicy;
  readonly batch: BatchLimits;
  readonly receiptTimeoutMs: number;
  readonly maxStoredEntries: number;
  readonly maxEntryAgeMs: number;
  readonly watchPage: boolean;
  readonly online: () => boolean;
  readonly transport: FirehoseTransport | undefined;
  readonly clock: () => number;
  readonly random: () => number;
  readonly randomId: () => string;
  readonly timers: Timers;
}

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/u;
const POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d{1,2}):[0-9a-f-]{36}$/u;
const STREAM_NAME = /^[a-zA-Z0-9_.-]{1,64}$/u;
const CAMPAIGN_ID = /^[a-zA-Z0-9_.:-]{1,128}$/u;

/** Splits a comma list or array of stream names (or identity pool ids), trimming and dropping blanks. */
export function parseStreams(streams: string | readonly string[] | null | undefined): string[] {
  const list = typeof streams === 'string' ? streams.split(',') : [...(streams ?? [])];
  return list.map((name) => name.trim()).filter((name) => name.length > 0);
}

/**
 * Applies defaults and checks the configuration; throws one {@link CampaignEntryError} (`invalid-config`) naming every
 * problem, so a misconfigured page fails loudly at start instead of losing entries later.
 */
export function resolveConfig(config: CampaignClientConfig): ResolvedConfig {
  const problems: string[] = [];
  const streams = parseStreams(config.deliveryStreams);
  const needsAws = config.transport === undefined;
  if (needsAws && !REGION.test(config.region ?? ''))
    problems.push(`region "${config.region}" is not an AWS region (e.g. us-east-1)`);
  const pools = parseStreams(config.identityPoolId);
  // One pool sits beside the streams; several are in other regions on purpose (IAM is global).
  if (needsAws)
    for (const id of pools[0] ? pools : [String(config.identityPoolId)]) {
      const pool = POOL_ID.exec(id);
      if (!pool) problems.push(`identityPoolId "${id}" is not a Cognito identity pool id (<region>:<uuid>)`);
      else if (!pools[1] && pool[1] !== config.region)
        problems.push(`identityPoolId is in ${pool[1]} but region is ${config.region}`);
    }
  if (streams.length === 0) problems.push('deliveryStreams names no stream');
  for (const stream of streams)
    if (!STREAM_NAME.test(stream)) problems.push(`delivery stream name "${stream}" is not valid`);
  if (!CAMPAIGN_ID.test(config.campaignId ?? ''))
    problems.push(`campaignId "${config.campaignId}" must be 1–128 letters, digits, or _ . : -`);
  const fields = config.fields ?? DEFAULT_FIELDS;
  for (const field of fields) if (!isFieldName(field)) problems.push(`field "${field}" is not supported`);
  if (config.minAge !== undefined && !(Number.isInteger(config.minAge) && config.minAge >= 0 && config.minAge <= 120)) {
    problems.push(`minAge ${config.minAge} must be a whole number of years`);
  }
  const country = countryProblem(config.country);
  if (country) problems.push(country);
  const batch = { ...FIREHOSE_BATCH_LIMITS, ...config.batch };
  if (!(batch.maxRecords >= 1 && batch.maxRecords <= 500)) problems.push('batch.maxRecords must be 1–500');
  if (!(batch.maxBytes >= 1024 && batch.maxBytes <= FIREHOSE_BATCH_LIMITS.maxBytes))
    problems.push('batch.maxBytes must be 1 KiB–4 MiB');
  if (problems.length > 0) {
    throw errorFor(ErrorCode.InvalidConfig, `Invalid campaign client configuration: ${problems.join('; ')}.`);
  }
  return {
    region: config.region,
    identityPoolIds: pools as [string, ...string[]],
    streams: streams as [string, ...string[]],
    campaignId: config.campaignId,
    endpoints: config.endpoints ?? {},
    spec: {
      fields,
      ...(config.minAge === undefined ? {} : { minAge: config.minAge }),
      ...(config.country === undefined ? {} : { country: config.country }),
    },
    locale: config.locale ?? 'en',
    storage: config.storage ?? 'auto',
    retry: { ...DEFAULT_RETRY_POLICY, ...config.retry },
    batch,
    receiptTimeoutMs: config.receiptTimeoutMs ?? 3000,
    maxStoredEntries: config.maxStoredEntries ?? 500,
    maxEntryAgeMs: config.maxEntryAgeMs ?? DEFAULT_MAX_ENTRY_AGE_MS,
    watchPage: config.watchPage ?? true,
    online: config.online ?? (() => globalThis.navigator?.onLine !== false),
    transport: config.transport,
    clock: config.clock ?? Date.now,
    random: config.random ?? Math.random,
    randomId: config.randomId ?? randomUuid,
    timers: config.timers ?? {
      set: (callback, ms) => setTimeout(callback, ms),
      clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
  };
}
