// The AWS part, loaded with a dynamic import so pages that only render or validate never download it: guest
// credentials from a Cognito identity pool (one of several, in several regions; cognito-identity.ts) and
// PutRecordBatch through the AWS SDK v3 Firehose client.
import { FirehoseClient, type FirehoseClientConfig, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { classifyFailure } from '../core/classify.js';
import { choosePool, nextPool } from '../core/identity-pools.js';
import { cognitoIdentityKey, storageKey } from '../core/storage-keys.js';
import { cognitoGuestCredentials } from './cognito-identity.js';
import { createCredentialCache, type GuestCredentials } from './credential-cache.js';
import type { KeyValueStore } from './entry-store.js';
import type { FirehoseTransport, RecordResult } from './transport.js';

/** What the AWS transport needs. */
export interface AwsTransportOptions {
  /** Region of the delivery streams (Firehose). */
  readonly region: string;
  /** Identity pools (`<region>:<uuid>`), one or several; each is asked in its own region (IAM is global). */
  readonly identityPoolIds: readonly [string, ...string[]];
  /** Names the stored choice of pool, when there are several. */
  readonly campaignId: string;
  /** Endpoint overrides (the local emulator; one Cognito endpoint then serves every pool, told apart by id). */
  readonly endpoints?: { readonly cognito?: string; readonly firehose?: string };
  /** Where the Cognito identity ids (one per pool) and the chosen pool are kept between visits (GetId has a 25
   * requests/s quota per account and region: ask once). */
  readonly identityStore: KeyValueStore;
  /** Makes the device-local random seed of its first choice of pool. */
  readonly randomId: () => string;
}

const IDENTITY_GONE = new Set(['ResourceNotFoundException', 'NotAuthorizedException']);

type RetryStrategy = NonNullable<FirehoseClientConfig['retryStrategy']>;

/**
 * The Firehose client's retry strategy: one attempt, never a retry (the SDK's delivery loop owns retries, per record, so
 * attempts never multiply). It says `standard` mode, as the AWS SDK's own strategy with `maxAttempts: 1` would, and
 * spares the widget's bundle the AWS SDK's retry engine (see build/unreachable-aws-code.mjs).
 */
const NO_RETRIES: RetryStrategy = {
  mode: 'standard',
  acquireInitialRetryToken: async () => ({ getRetryCount: () => 0, getRetryDelay: () => 0 }),
  refreshRetryTokenForRetry: async (_token, { error }) => {
    throw error;
  },
  recordSuccess: () => {},
};

/**
 * Creates the {@link FirehoseTransport} backed by the AWS SDK. The Firehose client's own retries are off
 * ({@link NO_RETRIES}, `maxAttempts: 1`), and Cognito is called once per fetch: the SDK's delivery loop owns retries, per record, so attempts never multiply.
 */
export function createAwsTransport(options: AwsTransportOptions): FirehoseTransport {
  const identity = options.identityStore;
  const pools = options.identityPoolIds;
  const poolKey = storageKey(options.campaignId, 'identity-pool');
  const credentialsFrom = (identityPoolId: string) =>
    cognitoGuestCredentials({ identityPoolId, endpoint: options.endpoints?.cognito, store: identity })();

  // The identity id stays stored whatever fails (a throttled GetId is scarce: 25 requests/s per account and region),
  // unless Cognito says the identity itself is unknown.
  async function fromPool(identityPoolId: string): Promise<GuestCredentials> {
    try {
      return await credentialsFrom(identityPoolId);
    } catch (error) {
      // A stored identity the pool no longer knows (pool recreated, identity deleted): start over with GetId once.
      if (IDENTITY_GONE.has((error as { name?: string }).name ?? '')) {
        await identity.removeItem(cognitoIdentityKey(identityPoolId));
        return credentialsFrom(identityPoolId);
      }
      throw error;
    }
  }

  // With one pool nothing more is stored, as before. With several, the device keeps the pool it chose (by hash of a
  // random seed) and moves to the next one, once per pool per fetch, while a region throttles or is down.
  async function fetchCredentials(): Promise<GuestCredentials> {
    if (pools.length === 1) return fromPool(pools[0]);
    const stored = (await identity.getItem(poolKey)) ?? undefined;
    let pool = choosePool(pools, stored, options.randomId());
    if (pool !== stored) await identity.setItem(poolKey, pool);
    for (let tried = 1; ; tried++) {
      try {
        return await fromPool(pool);
      } catch (error) {
        // The failure policy's otherPool: a region throttling or down (not the device's own network).
        if (tried >= pools.length || !classifyFailure(error).policy.otherPool) throw error;
        pool = nextPool(pools, pool);
        await identity.setItem(poolKey, pool);
      }
    }
  }

  let clockOffsetMs = 0;
  const credentials = createCredentialCache(fetchCredentials, () => Date.now() + clockOffsetMs);
  const firehoseConfig = {
    region: options.region,
    maxAttempts: 1,
    retryStrategy: NO_RETRIES,
    credentials: () => credentials.get(),
    ...(options.endpoints?.firehose ? { endpoint: options.endpoints.firehose } : {}),
  };
  // The AWS client memoizes credentials itself until 5 minutes before they expire; after AWS refused them we replace
  // the clients so the next call really asks for new ones.
  let firehose = new FirehoseClient(firehoseConfig);
  let keepaliveClient: FirehoseClient | undefined;
  const encoder = new TextEncoder();

  return {
    async putRecordBatch(stream, lines, putOptions) {
      if (putOptions?.keepalive && !keepaliveClient) {
        keepaliveClient = new FirehoseClient({ ...firehoseConfig, requestHandler: { keepAlive: true } });
      }
      const client = putOptions?.keepalive && keepaliveClient ? keepaliveClient : firehose;
      client.config.systemClockOffset = clockOffsetMs;
      try {
        const output = await client.send(
          new PutRecordBatchCommand({
            DeliveryStreamName: stream,
            Records: lines.map((line) => ({ Data: encoder.encode(line) })),
          }),
        );
        const responses = output.RequestResponses ?? [];
        if (responses.length !== lines.length) {
          throw Object.assign(new Error(`Firehose answered ${responses.length} results for ${lines.length} records`), {
            name: 'InternalFailure',
          });
        }
        return responses.map(
          (response): RecordResult =>
            response.RecordId && !response.ErrorCode
              ? { ok: true, recordId: response.RecordId }
              : {
                  ok: false,
                  errorCode: response.ErrorCode ?? 'InternalFailure',
                  errorMessage: response.ErrorMessage ?? '',
                },
        );
      } finally {
        // The SDK learns AWS's clock from error responses' Date header; keep what it learned for the next call.
        clockOffsetMs = client.config.systemClockOffset ?? clockOffsetMs;
      }
    },
    async prepare() {
      await credentials.get();
    },
    invalidateCredentials() {
      credentials.invalidate();
      firehose = new FirehoseClient(firehoseConfig);
      keepaliveClient = undefined;
    },
    correctClock(serverTime) {
      clockOffsetMs = serverTime - Date.now();
    },
  };
}
