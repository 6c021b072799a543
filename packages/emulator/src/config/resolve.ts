// Validation of options and settings, over the defaults in defaults.ts. Pure, and shared by the constructor, the run-time setters, the CLI and the
// inspection API, so each says "no" the same way: a ConfigError with one line naming the option.
import { ConfigError } from '../services/errors.js';
import {
  DEFAULT_BUCKET,
  DEFAULT_BUFFER_INTERVAL_MS,
  DEFAULT_BUFFER_SIZE_BYTES,
  DEFAULT_CREDENTIAL_TTL_SECONDS,
  DEFAULT_PREFIX,
  DEFAULT_REGION,
  DEFAULT_STREAM_NAME,
  defaultPoolId,
  defaultQuotas,
  NO_FAULTS,
} from './defaults.js';
import type { EmulatorOptions, Faults, QuotaSettings, Quotas, ResolvedPool, ResolvedStream } from './options.js';

const MIB = 1024 * 1024;

/** Throws {@link ConfigError} if `value` has keys outside `allowed`. */
export function assertKnownKeys(value: object, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new ConfigError(`unknown ${where} "${key}" (known: ${allowed.join(', ')})`);
    }
  }
}

function assertNumber(value: unknown, where: string, min: number, max: number): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value < min || value > max) {
    throw new ConfigError(`${where} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Checks a credential lifetime in seconds (above 0, at most 12 hours as Cognito allows). Throws {@link ConfigError}. */
export function checkCredentialTtl(seconds: unknown): number {
  return assertNumber(seconds, 'credentialTtlSeconds', 0.001, 43_200);
}

const QUOTA_KEYS = Object.keys(defaultQuotas(DEFAULT_REGION)) as (keyof Quotas)[];
const FAULT_KEYS = Object.keys(NO_FAULTS) as (keyof Faults)[];
const POOL_QUOTA_KEYS = ['getIdPerSecond', 'getCredentialsPerSecond'] as const;

/** Applies `settings` over `current`; `false`, `null` and `Infinity` lift a quota. Throws {@link ConfigError}. */
export function applyQuotaSettings(current: Quotas, settings: QuotaSettings): Quotas {
  assertKnownKeys(settings, QUOTA_KEYS, 'quota');
  const next = { ...current };
  for (const key of QUOTA_KEYS) {
    const value = settings[key];
    if (value === undefined) continue;
    next[key] = value === false || value === null ? Number.POSITIVE_INFINITY : assertNumber(value, key, 0, Infinity);
  }
  return next;
}

/** Applies `settings` over `current`. Throws {@link ConfigError}. */
export function applyFaultSettings(current: Faults, settings: Partial<Faults>): Faults {
  assertKnownKeys(settings, FAULT_KEYS, 'fault');
  const next = { ...current };
  for (const key of FAULT_KEYS) {
    const value = settings[key];
    if (value === undefined) continue;
    if (key === 'offline') {
      if (typeof value !== 'boolean')
        throw new ConfigError(`offline must be true or false, got ${JSON.stringify(value)}`);
      next.offline = value;
    } else if (key === 'latencyMs') {
      next.latencyMs = assertNumber(value, key, 0, 600_000);
    } else if (key === 'serverClockOffsetMs') {
      next.serverClockOffsetMs = assertNumber(value, key, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    } else {
      next[key] = assertNumber(value, key, 0, 1);
    }
  }
  return next;
}

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const POOL_PATTERN = /^[\w-]+:[0-9a-f-]+$/;
const STREAM_PATTERN = /^[a-zA-Z0-9_.-]{1,64}$/;
const BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** The options after validation and defaults. */
export interface ResolvedOptions {
  /** Region. */
  region: string;
  /** Identity pools. */
  pools: ResolvedPool[];
  /** Delivery streams. */
  streams: ResolvedStream[];
  /** Credential lifetime, in seconds. */
  credentialTtlSeconds: number;
  /** Quotas in force. */
  quotas: Quotas;
  /** Faults in force. */
  faults: Faults;
  /** Buffer size hint, in bytes. */
  bufferSizeBytes: number;
  /** Buffer interval hint, in milliseconds. */
  bufferIntervalMs: number;
}

const OPTION_KEYS = [
  'region',
  'pools',
  'streams',
  'credentialTtlSeconds',
  'staticCredentials',
  'quotas',
  'faults',
  'buffering',
  'sink',
  'clock',
  'seed',
  'randomBytes',
  'sleep',
  'onError',
  'transform',
];

function checkPrefix(prefix: string, option: string): string {
  if (prefix.startsWith('/') || prefix.split('/').includes('..')) {
    throw new ConfigError(`${option} "${prefix}" must be relative and must not contain ".."`);
  }
  return prefix;
}

/**
 * Validates options and fills in defaults. Throws {@link ConfigError} with a one-line message naming the option.
 */
export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  assertKnownKeys(options, OPTION_KEYS, 'option');
  const region = options.region ?? DEFAULT_REGION;
  if (!REGION_PATTERN.test(region)) throw new ConfigError(`region "${region}" is not an AWS region name`);

  const pools = (options.pools ?? [{ id: defaultPoolId(region) }]).map((pool): ResolvedPool => {
    assertKnownKeys(pool, ['id', 'allowUnauthenticated', 'region', 'quotas'], 'pool option');
    const poolRegion = pool.region ?? region;
    if (!REGION_PATTERN.test(poolRegion))
      throw new ConfigError(`pool region "${poolRegion}" is not an AWS region name`);
    if (!POOL_PATTERN.test(pool.id) || !pool.id.startsWith(`${poolRegion}:`)) {
      throw new ConfigError(`identity pool id "${pool.id}" must look like "${defaultPoolId(poolRegion)}"`);
    }
    // Left out when not given, so resolved pools read as before.
    const resolved: ResolvedPool = { id: pool.id, allowUnauthenticated: pool.allowUnauthenticated ?? true };
    if (poolRegion !== region) resolved.region = poolRegion;
    if (pool.quotas) {
      assertKnownKeys(pool.quotas, POOL_QUOTA_KEYS, 'pool quota');
      const lifted = applyQuotaSettings(defaultQuotas(poolRegion), pool.quotas);
      resolved.quotas = Object.fromEntries(
        POOL_QUOTA_KEYS.filter((key) => pool.quotas?.[key] !== undefined).map((key) => [key, lifted[key]]),
      );
    }
    return resolved;
  });
  if (pools.length === 0) throw new ConfigError('at least one identity pool is needed');

  const streams = (options.streams ?? [{ name: DEFAULT_STREAM_NAME }]).map((stream): ResolvedStream => {
    assertKnownKeys(stream, ['name', 'bucket', 'prefix', 'errorPrefix'], 'stream option');
    if (!STREAM_PATTERN.test(stream.name)) {
      throw new ConfigError(`delivery stream name "${stream.name}" must be 1–64 of a-z A-Z 0-9 _ . -`);
    }
    const bucket = stream.bucket ?? DEFAULT_BUCKET;
    if (!BUCKET_PATTERN.test(bucket)) throw new ConfigError(`bucket name "${bucket}" is not a valid S3 bucket name`);
    const prefix = checkPrefix(stream.prefix ?? DEFAULT_PREFIX, 'prefix');
    // Left out when not given (the delivery falls back to DEFAULT_ERROR_PREFIX), so resolved streams read as before.
    if (stream.errorPrefix === undefined) return { name: stream.name, bucket, prefix };
    return { name: stream.name, bucket, prefix, errorPrefix: checkPrefix(stream.errorPrefix, 'errorPrefix') };
  });
  if (streams.length === 0) throw new ConfigError('at least one delivery stream is needed');
  for (const list of [pools.map((pool) => pool.id), streams.map((stream) => stream.name)]) {
    const duplicate = list.find((item, index) => list.indexOf(item) !== index);
    if (duplicate !== undefined) throw new ConfigError(`"${duplicate}" is configured twice`);
  }

  if (options.transform !== undefined && typeof options.transform !== 'function') {
    throw new ConfigError('transform must be a function (event) => Promise<{ records }>');
  }
  const buffering = options.buffering ?? {};
  assertKnownKeys(buffering, ['sizeBytes', 'intervalMs'], 'buffering option');
  return {
    region,
    pools,
    streams,
    credentialTtlSeconds: checkCredentialTtl(options.credentialTtlSeconds ?? DEFAULT_CREDENTIAL_TTL_SECONDS),
    quotas: applyQuotaSettings(defaultQuotas(region), options.quotas ?? {}),
    faults: applyFaultSettings({ ...NO_FAULTS }, options.faults ?? {}),
    bufferSizeBytes: assertNumber(
      buffering.sizeBytes ?? DEFAULT_BUFFER_SIZE_BYTES,
      'buffering.sizeBytes',
      1,
      128 * MIB,
    ),
    bufferIntervalMs: assertNumber(
      buffering.intervalMs ?? DEFAULT_BUFFER_INTERVAL_MS,
      'buffering.intervalMs',
      0,
      900_000,
    ),
  };
}
