// Guest credentials from a Cognito identity pool: GetId once per device and pool (the identity id is kept in the
// identity store), then GetCredentialsForIdentity. Both calls are unsigned AWS JSON 1.1 requests, made here with
// `fetch`: the AWS SDK's Cognito client and credential provider cost a phone ~2 KB gz more for the same two requests.
// Failures are thrown in the AWS SDK's shape (`name`, `message`, `$fault`, `$metadata`, `$response`), the one
// core/classify.ts reads.
import { partition } from '@aws-sdk/core/client';
import { poolRegion } from '../core/identity-pools.js';
import { cognitoIdentityKey } from '../core/storage-keys.js';
import type { GuestCredentials } from './credential-cache.js';
import type { KeyValueStore } from './entry-store.js';

/** What {@link cognitoGuestCredentials} needs. */
export interface CognitoGuestOptions {
  /** The identity pool (`<region>:<uuid>`); it is asked in its own region. */
  readonly identityPoolId: string;
  /** Endpoint override (the local emulator). */
  readonly endpoint?: string | undefined;
  /** Where the pool's identity id is kept between visits, under {@link cognitoIdentityKey}. */
  readonly store: KeyValueStore;
}

/** Cognito Identity's endpoint in `region`, as the AWS SDK's endpoint rules give it (neither FIPS nor dual-stack). */
export const cognitoEndpoint = (region: string): string =>
  `https://cognito-identity.${region}.${partition(region).dnsSuffix}`;

type Json = Record<string, unknown>;

/** An AWS error answer as the AWS SDK throws it: the error type as `name`, the HTTP answer beside it. */
function awsError(status: number, headers: Record<string, string>, body: Json): Error {
  // As the AWS SDK reads it: the header first, then the body; `prefix#Name:suffix` → `Name`.
  const type = String(headers['x-amzn-errortype'] ?? body.__type ?? body.code ?? 'UnknownError');
  const name = type.split(':')[0]?.split('#').pop() || 'UnknownError';
  const message = body.message ?? body.Message;
  return Object.assign(new Error(typeof message === 'string' ? message : name), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, requestId: headers['x-amzn-requestid'] },
    $response: { statusCode: status, headers },
  });
}

/** A malformed answer: a service failure, as aws-transport.ts treats Firehose's. */
const malformed = (what: string) =>
  Object.assign(new Error(`Cognito answered no ${what}`), { name: 'InternalFailure' });

async function call(endpoint: string, operation: string, input: Json): Promise<Json> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityService.${operation}` },
    body: JSON.stringify(input),
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const text = await response.text();
  let body: Json = {};
  try {
    body = text ? (JSON.parse(text) as Json) : {};
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  if (!response.ok) throw awsError(response.status, headers, body);
  return body;
}

const text = (value: unknown, what: string): string => {
  if (typeof value !== 'string' || value.length === 0) throw malformed(what);
  return value;
};

/**
 * Fetches guest credentials from the pool on each call: the stored identity id (GetId first when there is none), then
 * GetCredentialsForIdentity. The caller caches the credentials (credential-cache.ts) and decides what a failure means;
 * the identity id stays stored whatever fails.
 */
export function cognitoGuestCredentials(options: CognitoGuestOptions): () => Promise<GuestCredentials> {
  const endpoint = options.endpoint ?? cognitoEndpoint(poolRegion(options.identityPoolId));
  const key = cognitoIdentityKey(options.identityPoolId);
  return async () => {
    let identityId = await options.store.getItem(key);
    if (!identityId) {
      const answer = await call(endpoint, 'GetId', { IdentityPoolId: options.identityPoolId });
      identityId = text(answer.IdentityId, 'identity id');
      // A store that cannot write costs one more GetId next visit, not this entry.
      await options.store.setItem(key, identityId).catch(() => {});
    }
    const answer = await call(endpoint, 'GetCredentialsForIdentity', { IdentityId: identityId });
    const credentials = (answer.Credentials ?? {}) as Json;
    const { Expiration, SessionToken } = credentials;
    return {
      accessKeyId: text(credentials.AccessKeyId, 'access key id'),
      secretAccessKey: text(credentials.SecretKey, 'secret key'),
      ...(typeof SessionToken === 'string' ? { sessionToken: SessionToken } : {}),
      // AWS JSON 1.1 sends timestamps as epoch seconds.
      ...(typeof Expiration === 'number' ? { expiration: new Date(Expiration * 1000) } : {}),
    };
  };
}
