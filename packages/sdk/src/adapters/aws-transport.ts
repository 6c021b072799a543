// The AWS part, loaded with a dynamic import so pages that only render or validate never download it: guest
// credentials from a Cognito identity pool (one of several, in several regions) and PutRecordBatch through the AWS SDK
// v3 Firehose client.
import { FirehoseClient, type FirehoseClientConfig, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
// Imported from the provider package itself: `@aws-sdk/credential-providers`' browser field maps to a path without
// an extension that bundlers cannot resolve, and it only re-exports this provider.
import { fromCognitoIdentityPool } from '@aws-sdk/credential-provider-cognito-identity';
import { classifyFailure } from '../core/classify.js';
import { choosePool, nextPool, poolRegion } from '../core/identity-pools.js';
import { cognitoIdentityKey, storageKey } from '../core/storage-keys.js';
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

// The Cognito provider forgets the identity id on *any* error, throttling included, which sends the next attempt back
// to the scarce GetId quota. We keep it unless Cognito says the identity itself is unknown.
function keepIdentityOnError(store: KeyValueStore): KeyValueStore & { forget(key: string): Promise<void> } {
  return {
    getItem: (key) => store.getItem(key),
    setItem: (key, value) => store.setItem(key, value),
    removeItem: async () => {},
    forget: (key) => store.removeItem(key),
  };
}

const IDENTITY_GONE = new Set(['ResourceNotFoundException', 'NotAuthorizedException']);

type RetryStrategy = NonNullable<FirehoseClientConfig['retryStrategy']>;

/**
 * The AWS clients' retry strategy: one attempt, never a retry (the SDK's delivery loop owns retries, per record, so
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
 * Creates the {@link FirehoseTransport} backed by the AWS SDK. The AWS clients' own retries are off
 * ({@link NO_RETRIES}, `maxAttempts: 1`): the SDK's delivery loop owns retries, per record, so attempts never multiply.
 */
export function createAwsTransport(options: AwsTransportOptions): FirehoseTransport {
  const identity = keepIdentityOnError(options.identityStore);
  const pools = options.identityPoolIds;
  const poolKey = storageKey(options.campaignId, 'identity-pool');
  const providers = new Map<string, ReturnType<typeof fromCognitoIdentityPool>>();
  const newProvider = (identityPoolId: string) => {
    const provider = fromCognitoIdentityPool({
      identityPoolId,
      clientConfig: {
        region: poolRegion(identityPoolId),
        maxAttempts: 1,
        retryStrategy: NO_RETRIES,
        ...(options.endpoints?.cognito ? { endpoint: options.endpoints.cognito } : {}),
      },
      cache: identity,
    });
    providers.set(identityPoolId, provider);
    return provider;
  };

  async function fromPool(identityPoolId: string): Promise<GuestCredentials> {
    try {
      return await (providers.get(identityPoolId) ?? newProvider(identityPoolId))();
    } catch (error) {
      // A cached identity the pool no longer knows (pool recreated, identity deleted): start over with GetId once.
      // Whatever the store holds now does not tell: the provider keeps the id it read on its first call, and another
      // tab may since have dropped it from the store (packages/e2e, "identity unknown to Cognito").
      if (IDENTITY_GONE.has((error as { name?: string }).name ?? '')) {
        await identity.forget(cognitoIdentityKey(identityPoolId));
        return newProvider(identityPoolId)();
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
