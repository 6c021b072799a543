// Wires the pieces into one emulator: a host (msw handlers or the Node server) hands it a request and gets back an
// answer or "drop". Everything with a clock or randomness takes it from here, so tests inject both.

import { ACCOUNT_ID } from './config/defaults.js';
import type { EmulatorOptions } from './config/options.js';
import { applyFaultSettings, applyQuotaSettings, checkCredentialTtl, resolveOptions } from './config/resolve.js';
import type { BufferedRecord } from './delivery/buffered-record.js';
import { createDelivery } from './delivery/delivery.js';
import { createMemorySink } from './delivery/s3-sink.js';
import type { Emulator, EmulatorRequest } from './emulator-api.js';
import { COGNITO_TARGET_PREFIX, createCognitoIdentity } from './services/cognito-identity.js';
import { preflightAnswer } from './services/cors.js';
import { createCredentialStore } from './services/credential-store.js';
import { AwsServiceError, type ConfigError } from './services/errors.js';
import { createFaultDice, type FaultDice } from './services/faults.js';
import { createFirehose, FIREHOSE_TARGET_PREFIX } from './services/firehose.js';
import { errorAnswer, jsonAnswer } from './services/protocol.js';
import { createQuotaCounter } from './services/quotas.js';
import { createIdSource, cryptoRandomBytes } from './services/random.js';
import { verifySignature } from './services/sigv4.js';
import { createStatsRecorder, emptyStreamCounters } from './services/stats.js';

function toHeaders(headers: Headers | Record<string, string>): Headers {
  return headers instanceof Headers ? headers : new Headers(headers);
}

function parseBody(body: Uint8Array): Record<string, unknown> {
  if (body.byteLength === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new AwsServiceError('SerializationException', 'Start of structure or map found where not expected.');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new AwsServiceError('SerializationException', 'Start of structure or map found where not expected.');
  }
  return value as Record<string, unknown>;
}

/**
 * AWS's answer to a call an explicit deny refuses: the assumed guest role, the action and the stream, and the words
 * IAM uses. The account is the emulator's placeholder.
 */
function accessDenied(operation: string, input: Record<string, unknown>): AwsServiceError {
  const stream = typeof input.DeliveryStreamName === 'string' ? input.DeliveryStreamName : '*';
  return new AwsServiceError(
    'AccessDeniedException',
    `User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/guest/CognitoIdentityCredentials is not authorized to perform: ` +
      `firehose:${operation} on resource: arn:aws:firehose:*:${ACCOUNT_ID}:deliverystream/${stream} ` +
      'with an explicit deny in an identity-based policy',
  );
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Creates an emulator. Options are validated (throws {@link ConfigError} with a one-line message).
 * @example
 * const emulator = createEmulator({ streams: [{ name: 'entries-0' }], seed: 1 });
 * const worker = setupWorker(...createHandlers(emulator)); // '@campaign-entry/emulator/msw'
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const initial = resolveOptions(options);
  const clock = options.clock ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 32);
  const ids = createIdSource(options.randomBytes ?? cryptoRandomBytes);
  const onError = options.onError ?? (() => {});
  const { region, pools, streams } = initial;

  let settings = { ...initial };
  let currentDice = createFaultDice(seed);
  // A stable facade, so `reset()` can re-seed without rewiring the services.
  const dice: FaultDice = { roll: (rate) => currentDice.roll(rate), pick: (choices) => currentDice.pick(choices) };
  // Kept as sent; decoded when read (thousands arrive per second in a drain, and most runs never read them all).
  let acknowledged: (BufferedRecord & { stream: string; text?: string })[] = [];
  const intake = { paused: false, deniedCalls: 0 };
  const now = () => clock() + settings.faults.serverClockOffsetMs;
  const credentials = createCredentialStore(ids, options.staticCredentials ?? []);
  const quota = createQuotaCounter<'requests' | 'records' | 'bytes'>();
  const stats = createStatsRecorder(streams.map((stream) => stream.name));
  const decoder = new TextDecoder();
  const delivery = createDelivery({
    streams,
    sink: options.sink ?? createMemorySink(),
    sizeBytes: initial.bufferSizeBytes,
    intervalMs: initial.bufferIntervalMs,
    uuid: ids.uuid,
    onError,
    transform: options.transform,
    region,
    now: () => now(),
  });
  const shared = { ids, settings: () => settings, stats, quota, dice };
  const cognito = createCognitoIdentity({ ...shared, region, pools, credentials });
  const firehose = createFirehose({
    ...shared,
    region,
    streams,
    createdAt: clock(),
    accept(stream, records) {
      for (const record of records) acknowledged.push({ ...record, stream });
      delivery.accept(stream, records);
    },
  });

  const route = async (request: EmulatorRequest, headers: Headers, at: number): Promise<unknown> => {
    if (request.method !== 'POST') {
      throw new AwsServiceError(
        'UnknownOperationException',
        `${request.method} is not supported: AWS JSON calls are POSTs.`,
      );
    }
    const target = headers.get('x-amz-target') ?? '';
    if (target.startsWith(COGNITO_TARGET_PREFIX)) {
      return cognito.call(target.slice(COGNITO_TARGET_PREFIX.length), parseBody(request.body), at);
    }
    if (target.startsWith(FIREHOSE_TARGET_PREFIX)) {
      const url = new URL(request.url, 'http://127.0.0.1');
      const signer = await verifySignature(
        { method: request.method, url, headers, body: request.body },
        { now: at, region, service: 'firehose', credentials },
      );
      // The breaker denies the guest role only: IAM evaluates the deny after authentication, before the call.
      if (intake.paused && signer.identityId !== undefined) {
        intake.deniedCalls++;
        throw accessDenied(target.slice(FIREHOSE_TARGET_PREFIX.length), parseBody(request.body));
      }
      return firehose.call(target.slice(FIREHOSE_TARGET_PREFIX.length), parseBody(request.body), at);
    }
    throw new AwsServiceError('UnknownOperationException', `Unknown X-Amz-Target "${target}".`);
  };

  return {
    region,
    async handle(request) {
      const faults = settings.faults;
      if (faults.offline || dice.roll(faults.dropRate)) return 'drop';
      if (faults.latencyMs > 0) await sleep(faults.latencyMs);
      const headers = toHeaders(request.headers);
      if (request.method === 'OPTIONS') return preflightAnswer(headers);
      const at = now();
      const context = { now: at, requestId: ids.requestId() };
      delivery.tick(at);
      try {
        const result = await route(request, headers, at);
        const isFirehose = (headers.get('x-amz-target') ?? '').startsWith(FIREHOSE_TARGET_PREFIX);
        if (isFirehose && dice.roll(settings.faults.responseDropRate)) return 'drop';
        return jsonAnswer(result, context);
      } catch (error) {
        if (error instanceof AwsServiceError) return errorAnswer(error, context);
        onError(error instanceof Error ? error : new Error(String(error)));
        return errorAnswer(new AwsServiceError('InternalFailure', 'The emulator failed unexpectedly.'), context);
      }
    },
    records(stream) {
      const wanted = acknowledged.filter((record) => stream === undefined || record.stream === stream);
      for (const record of wanted) record.text ??= decoder.decode(record.data);
      return wanted.map(({ stream, recordId, text = '', arrivedAt }) => ({ stream, recordId, data: text, arrivedAt }));
    },
    stats() {
      const at = now();
      const counters = stats.snapshot(at);
      const deliveries = delivery.counters();
      return {
        now: at,
        region,
        pools: structuredClone(pools),
        streams: structuredClone(streams),
        quotas: { ...settings.quotas },
        faults: { ...settings.faults },
        buffering: { sizeBytes: settings.bufferSizeBytes, intervalMs: settings.bufferIntervalMs },
        credentialTtlSeconds: settings.credentialTtlSeconds,
        firehose: Object.fromEntries(
          streams.map((stream) => [
            stream.name,
            { ...(counters.streams[stream.name] ?? emptyStreamCounters()), ...deliveries[stream.name]! },
          ]),
        ),
        cognito: { ...counters.cognito, identities: cognito.identityCount() },
        transform: { enabled: options.transform !== undefined, streams: delivery.transformCounters() },
        history: counters.history,
        intake: { ...intake },
      };
    },
    setFaults(faults) {
      settings = { ...settings, faults: applyFaultSettings(settings.faults, faults) };
      return { ...settings.faults };
    },
    setQuotas(quotas) {
      settings = { ...settings, quotas: applyQuotaSettings(settings.quotas, quotas) };
      return { ...settings.quotas };
    },
    setCredentialTtl(seconds) {
      settings = { ...settings, credentialTtlSeconds: checkCredentialTtl(seconds) };
    },
    expireAllCredentials() {
      credentials.expireAll(now());
    },
    pause() {
      intake.paused = true;
    },
    resume() {
      intake.paused = false;
    },
    tick() {
      delivery.tick(now());
    },
    flush: () => delivery.flush(),
    reset() {
      settings = { ...initial };
      currentDice = createFaultDice(seed);
      acknowledged = [];
      credentials.reset();
      quota.reset();
      stats.reset();
      cognito.reset();
      delivery.reset();
      intake.paused = false;
      intake.deniedCalls = 0;
    },
    now,
  };
}
