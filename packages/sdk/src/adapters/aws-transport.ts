// The AWS part, loaded with a dynamic import so pages that only render or validate never download it: guest
// credentials from a Cognito identity pool (one of several, in several regions; cognito-identity.ts) and PutRecordBatch,
// an AWS JSON 1.1 call signed with Signature Version 4 (@smithy/signature-v4, the AWS SDK's own signer). Both over
// `fetch` (aws-json.ts): the AWS SDK's clients cost a phone ~30 KB gz more for these three calls.
import { SignatureV4 } from '@smithy/signature-v4';
import { classifyFailure } from '../core/classify.js';
import { choosePool, nextPool } from '../core/identity-pools.js';
import { cognitoIdentityKey, storageKey } from '../core/storage-keys.js';
import { awsEndpoint, callAwsJson, malformedAnswer } from './aws-json.js';
import { cognitoGuestCredentials } from './cognito-identity.js';
import { createCredentialCache, type GuestCredentials } from './credential-cache.js';
import type { KeyValueStore } from './entry-store.js';
import type { FirehoseTransport, RecordResult } from './transport.js';
import { WebCryptoSha256 } from './web-crypto-sha256.js';

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

/** A device clock this far from AWS's is corrected from an answer's `Date` (what the AWS SDK does), in ms. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The clock offset after an answer dated `date`: AWS's, when the device's is off by {@link CLOCK_SKEW_MS} or more. */
function learnClock(date: string | undefined, offsetMs: number): number {
  const serverTime = date ? Date.parse(date) : Number.NaN;
  if (Number.isNaN(serverTime) || Math.abs(Date.now() + offsetMs - serverTime) < CLOCK_SKEW_MS) return offsetMs;
  return serverTime - Date.now();
}

/** UTF-8 bytes of `text` in base64, as AWS JSON sends a blob. */
function base64(text: string, encoder: TextEncoder): string {
  let binary = '';
  for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Creates the {@link FirehoseTransport} that calls AWS. Each call is one attempt: the SDK's delivery loop owns retries,
 * per record, so attempts never multiply.
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
  const endpoint = options.endpoints?.firehose ?? awsEndpoint('firehose', options.region);
  const signer = new SignatureV4({
    service: 'firehose',
    region: options.region,
    credentials: () => credentials.get(),
    sha256: WebCryptoSha256,
  });
  const encoder = new TextEncoder();

  return {
    async putRecordBatch(stream, lines, putOptions) {
      let date: string | undefined;
      try {
        const answer = await callAwsJson({
          endpoint,
          target: 'Firehose_20150804.PutRecordBatch',
          input: { DeliveryStreamName: stream, Records: lines.map((line) => ({ Data: base64(line, encoder) })) },
          keepalive: putOptions?.keepalive === true,
          async sign({ url, headers, body }) {
            const host = url.host;
            const signed = await signer.sign(
              {
                method: 'POST',
                protocol: url.protocol,
                hostname: url.hostname,
                path: url.pathname,
                query: {},
                headers: { ...headers, host },
                body,
              },
              { signingDate: new Date(Date.now() + clockOffsetMs) },
            );
            // The browser sends Host itself (a page may not set it); it was signed as the browser sends it.
            const { host: _signed, ...sent } = signed.headers;
            return sent;
          },
        });
        date = answer.headers.date;
        const responses = answer.body.RequestResponses;
        if (!Array.isArray(responses) || responses.length !== lines.length) {
          throw malformedAnswer(
            'Firehose',
            `${Array.isArray(responses) ? responses.length : 'no'} results for ${lines.length} records`,
          );
        }
        return responses.map(
          (response: { RecordId?: unknown; ErrorCode?: unknown; ErrorMessage?: unknown }): RecordResult =>
            typeof response.RecordId === 'string' && !response.ErrorCode
              ? { ok: true, recordId: response.RecordId }
              : {
                  ok: false,
                  errorCode: typeof response.ErrorCode === 'string' ? response.ErrorCode : 'InternalFailure',
                  errorMessage: typeof response.ErrorMessage === 'string' ? response.ErrorMessage : '',
                },
        );
      } catch (error) {
        date = (error as { $response?: { headers?: Record<string, string> } }).$response?.headers?.date ?? date;
        throw error;
      } finally {
        // AWS's clock, learnt from the answer's Date as the AWS SDK does, signs the next call.
        clockOffsetMs = learnClock(date, clockOffsetMs);
      }
    },
    async prepare() {
      await credentials.get();
    },
    invalidateCredentials() {
      credentials.invalidate();
    },
    correctClock(serverTime) {
      clockOffsetMs = serverTime - Date.now();
    },
  };
}
