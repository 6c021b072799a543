// The `campaign-emulator` command line, turned into server options. Pure (argv in, options out) so every flag and
// every refusal is tested without starting a process; the bin does the I/O.
import { parseArgs } from 'node:util';
import { ConfigError } from '../services/errors.js';
import {
  DEFAULT_BUCKET,
  DEFAULT_BUFFER_INTERVAL_MS,
  DEFAULT_BUFFER_SIZE_BYTES,
  DEFAULT_CREDENTIAL_TTL_SECONDS,
  DEFAULT_POOL_ID,
  DEFAULT_PREFIX,
  DEFAULT_REGION,
  DEFAULT_STREAM_NAME,
  defaultQuotas,
} from './defaults.js';
import type { EmulatorOptions, Faults, QuotaSettings } from './options.js';

/** Port the bin listens on when `--port` is not given. */
export const DEFAULT_PORT = 4599;
/** Data directory the bin writes to when `--data` is not given (relative to the working directory). */
export const DEFAULT_DATA_DIR = '.data';

const QUOTAS = defaultQuotas(DEFAULT_REGION);
const POOL_UUID = DEFAULT_POOL_ID.slice(DEFAULT_POOL_ID.indexOf(':') + 1);

/** `--help` text. */
export const USAGE = `Usage: campaign-emulator [options]

A local Cognito Identity + Kinesis Data Firehose on http://127.0.0.1:<port>.

  --port N                      port on 127.0.0.1, 0 = any free port (default ${DEFAULT_PORT})
  --data DIR                    write delivered objects under DIR/s3/<bucket>/ (default ${DEFAULT_DATA_DIR})
  --region NAME                 AWS region (default ${DEFAULT_REGION})
  --pool ID                     identity pool allowing guests; repeatable (default <region>:${POOL_UUID})
  --stream NAME                 delivery stream; repeatable (default ${DEFAULT_STREAM_NAME})
  --bucket NAME                 destination bucket of every stream (default ${DEFAULT_BUCKET})
  --prefix PREFIX               destination key prefix of every stream (default ${DEFAULT_PREFIX})
  --buffer-bytes N              buffering hint: size in bytes (default ${DEFAULT_BUFFER_SIZE_BYTES})
  --buffer-ms N                 buffering hint: interval in milliseconds (default ${DEFAULT_BUFFER_INTERVAL_MS})
  --credential-ttl SECONDS      lifetime of issued credentials (default ${DEFAULT_CREDENTIAL_TTL_SECONDS})
  --requests-per-second N|off   Firehose calls/s per stream (default ${QUOTAS.requestsPerSecond})
  --records-per-second N|off    Firehose records/s per stream (default ${QUOTAS.recordsPerSecond})
  --bytes-per-second N|off      Firehose bytes/s per stream (default ${QUOTAS.bytesPerSecond})
  --get-id-per-second N|off     Cognito GetId calls/s (default ${QUOTAS.getIdPerSecond})
  --get-credentials-per-second N|off   Cognito GetCredentialsForIdentity calls/s (default ${QUOTAS.getCredentialsPerSecond})
  --record-failure-rate P       chance each record of a batch fails (0..1)
  --throttle-rate P             chance a Firehose call gets "Slow down."
  --server-error-rate P         chance a Firehose call gets a 500/503
  --drop-rate P                 chance a connection is dropped
  --response-drop-rate P        chance a processed Firehose call loses its answer
  --cognito-throttle-rate P     chance a Cognito call gets TooManyRequestsException
  --latency-ms N                latency added to every answer
  --clock-offset-ms N           emulator clock minus real time (negative: --clock-offset-ms=-N)
  --offline                     drop every request
  --seed N                      seed of the fault generator
  --transform MODULE            run MODULE's handler (a Firehose transformation Lambda) on each buffered batch:
                                a path or a package, e.g. @campaign-entry/firehose-transform, configured by the
                                environment (CAMPAIGN_ID, FIELDS, MIN_AGE, LOCALES, OPENS_AT, CLOSES_AT)
  --verbose                     log each AWS call to stderr
  --help                        show this text
`;

const QUOTA_FLAGS = {
  'requests-per-second': 'requestsPerSecond',
  'records-per-second': 'recordsPerSecond',
  'bytes-per-second': 'bytesPerSecond',
  'get-id-per-second': 'getIdPerSecond',
  'get-credentials-per-second': 'getCredentialsPerSecond',
} as const satisfies Record<string, keyof QuotaSettings>;

const FAULT_FLAGS = {
  'record-failure-rate': 'recordFailureRate',
  'throttle-rate': 'throttleRate',
  'server-error-rate': 'serverErrorRate',
  'drop-rate': 'dropRate',
  'response-drop-rate': 'responseDropRate',
  'cognito-throttle-rate': 'cognitoThrottleRate',
  'latency-ms': 'latencyMs',
  'clock-offset-ms': 'serverClockOffsetMs',
} as const satisfies Record<string, keyof Faults>;

const text = { type: 'string' } as const;
const SPEC = {
  port: text,
  data: text,
  region: text,
  pool: { type: 'string', multiple: true },
  stream: { type: 'string', multiple: true },
  bucket: text,
  prefix: text,
  'buffer-bytes': text,
  'buffer-ms': text,
  'credential-ttl': text,
  seed: text,
  transform: text,
  offline: { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...Object.fromEntries([...Object.keys(QUOTA_FLAGS), ...Object.keys(FAULT_FLAGS)].map((flag) => [flag, text])),
} as const;

/** What the command line asks for. */
export interface CliRequest {
  /** `--help` was given. */
  help: boolean;
  /** `--verbose` was given. */
  verbose: boolean;
  /** `--transform`: the module whose `handler` transforms each batch (the bin imports it). */
  transformModule?: string;
  /** Options for `startEmulator` (the server's options: the emulator's, plus where to listen and write). */
  options: EmulatorOptions & { port: number; dataDir: string };
}

function numberFlag(flag: string, value: string, integer = false): number {
  const parsed = Number(value);
  if (value.trim() === '' || Number.isNaN(parsed) || (integer && !Number.isInteger(parsed))) {
    throw new ConfigError(`--${flag} must be ${integer ? 'an integer' : 'a number'}, got "${value}"`);
  }
  return parsed;
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: SPEC, strict: true, allowPositionals: false });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new ConfigError(`unknown option ${quoted} (see --help)`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new ConfigError(`unexpected argument "${quoted}" (see --help)`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new ConfigError(
        `${message.split('\n')[0]?.replace(/^Option '([^']+)'.*/, 'option $1 needs a value') ?? message}`,
      );
    }
    throw new ConfigError(message.split('\n')[0] ?? message);
  }
}

/**
 * Parses `campaign-emulator` arguments. Throws {@link ConfigError} with a one-line message for an unknown option or a
 * bad value (ranges are checked again when the emulator is created).
 * @example parseCli(['--port', '0', '--stream', 'entries-0', '--stream', 'entries-1']).options.streams
 */
export function parseCli(argv: readonly string[]): CliRequest {
  const { values } = parse(argv);
  const flags = values as Record<string, string | string[] | boolean | undefined>;
  const region = (flags.region as string | undefined) ?? DEFAULT_REGION;
  const bucket = flags.bucket as string | undefined;
  const prefix = flags.prefix as string | undefined;
  const options: CliRequest['options'] = {
    port: flags.port === undefined ? DEFAULT_PORT : numberFlag('port', flags.port as string, true),
    dataDir: (flags.data as string | undefined) ?? DEFAULT_DATA_DIR,
    region,
  };
  const pools = flags.pool as string[] | undefined;
  if (pools) options.pools = pools.map((id) => ({ id }));
  const streams = (flags.stream as string[] | undefined) ?? (bucket || prefix ? [DEFAULT_STREAM_NAME] : undefined);
  if (streams) {
    options.streams = streams.map((name) => ({
      name,
      ...(bucket === undefined ? {} : { bucket }),
      ...(prefix === undefined ? {} : { prefix }),
    }));
  }
  const bufferBytes = flags['buffer-bytes'] as string | undefined;
  const bufferMs = flags['buffer-ms'] as string | undefined;
  if (bufferBytes !== undefined || bufferMs !== undefined) {
    options.buffering = {
      ...(bufferBytes === undefined ? {} : { sizeBytes: numberFlag('buffer-bytes', bufferBytes, true) }),
      ...(bufferMs === undefined ? {} : { intervalMs: numberFlag('buffer-ms', bufferMs) }),
    };
  }
  if (flags['credential-ttl'] !== undefined) {
    options.credentialTtlSeconds = numberFlag('credential-ttl', flags['credential-ttl'] as string);
  }
  if (flags.seed !== undefined) options.seed = numberFlag('seed', flags.seed as string, true);

  const quotas: QuotaSettings = {};
  for (const [flag, key] of Object.entries(QUOTA_FLAGS)) {
    const value = flags[flag] as string | undefined;
    if (value !== undefined) quotas[key] = value === 'off' ? false : numberFlag(flag, value);
  }
  if (Object.keys(quotas).length > 0) options.quotas = quotas;

  const faults: Partial<Faults> = flags.offline ? { offline: true } : {};
  for (const [flag, key] of Object.entries(FAULT_FLAGS)) {
    const value = flags[flag] as string | undefined;
    if (value !== undefined) faults[key] = numberFlag(flag, value);
  }
  if (Object.keys(faults).length > 0) options.faults = faults;

  const transformModule = flags.transform as string | undefined;
  if (transformModule !== undefined && transformModule.trim() === '') {
    throw new ConfigError('--transform needs a module path or package name');
  }
  return {
    help: flags.help === true,
    verbose: flags.verbose === true,
    options,
    ...(transformModule === undefined ? {} : { transformModule }),
  };
}
