// Guest credentials from a Cognito identity pool: GetId once per device and pool (the identity id is kept in the
// identity store), then GetCredentialsForIdentity. Both calls are unsigned AWS JSON 1.1 requests (aws-json.ts).
import { poolRegion } from '../core/identity-pools.js';
import { cognitoIdentityKey } from '../core/storage-keys.js';
import { awsEndpoint, callAwsJson, type Json, malformedAnswer } from './aws-json.js';
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

const text = (value: unknown, what: string): string => {
  if (typeof value !== 'string' || value.length === 0) throw malformedAnswer('Cognito', `no ${what}`);
  return value;
};

/**
 * Fetches guest credentials from the pool on each call: the stored identity id (GetId first when there is none), then
 * GetCredentialsForIdentity. The caller caches the credentials (credential-cache.ts) and decides what a failure means;
 * the identity id stays stored whatever fails.
 */
export function cognitoGuestCredentials(options: CognitoGuestOptions): () => Promise<GuestCredentials> {
  const endpoint = options.endpoint ?? awsEndpoint('cognito-identity', poolRegion(options.identityPoolId));
  const key = cognitoIdentityKey(options.identityPoolId);
  const call = async (operation: string, input: Json) =>
    (await callAwsJson({ endpoint, target: `AWSCognitoIdentityService.${operation}`, input })).body;
  return async () => {
    let identityId = await options.store.getItem(key);
    if (!identityId) {
      identityId = text((await call('GetId', { IdentityPoolId: options.identityPoolId })).IdentityId, 'identity id');
      // A store that cannot write costs one more GetId next visit, not this entry.
      await options.store.setItem(key, identityId).catch(() => {});
    }
    const credentials = ((await call('GetCredentialsForIdentity', { IdentityId: identityId })).Credentials ??
      {}) as Json;
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
