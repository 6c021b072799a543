// The credentials the emulator has issued (or was given), looked up by access key id when a signed call arrives.
import type { StaticCredentials } from '../config/options.js';
import type { IdSource } from './random.js';

/** One set of credentials the emulator will accept. */
export interface KnownCredentials {
  /** Access key id. */
  accessKeyId: string;
  /** Secret access key. */
  secretAccessKey: string;
  /** Session token requests must carry, if any. */
  sessionToken?: string;
  /** Expiry, in milliseconds since the epoch (emulator clock); `Infinity` for static keys. */
  expiresAt: number;
  /** The Cognito identity they were issued to, if any. */
  identityId?: string;
}

/** Issued credentials by access key id. */
export interface CredentialStore {
  /** Issues temporary credentials to `identityId`, valid for `ttlMs` from `nowMs`. */
  issue(identityId: string, nowMs: number, ttlMs: number): KnownCredentials;
  /** The credentials with this access key id, if any. */
  find(accessKeyId: string): KnownCredentials | undefined;
  /** Makes every issued credential expired at `nowMs` (static keys stay valid). */
  expireAll(nowMs: number): void;
  /** Forgets issued credentials (static keys stay). */
  reset(): void;
}

/** Builds a {@link CredentialStore} that also accepts `staticCredentials`. */
export function createCredentialStore(ids: IdSource, staticCredentials: readonly StaticCredentials[]): CredentialStore {
  const issued = new Map<string, KnownCredentials>();
  const fixed = new Map(
    staticCredentials.map((credentials): [string, KnownCredentials] => [
      credentials.accessKeyId,
      { ...credentials, expiresAt: Number.POSITIVE_INFINITY },
    ]),
  );
  return {
    issue(identityId, nowMs, ttlMs) {
      const credentials: KnownCredentials = {
        accessKeyId: ids.accessKeyId(),
        secretAccessKey: ids.secretKey(),
        sessionToken: ids.sessionToken(),
        expiresAt: nowMs + ttlMs,
        identityId,
      };
      issued.set(credentials.accessKeyId, credentials);
      return credentials;
    },
    find: (accessKeyId) => issued.get(accessKeyId) ?? fixed.get(accessKeyId),
    expireAll(nowMs) {
      for (const credentials of issued.values()) credentials.expiresAt = Math.min(credentials.expiresAt, nowMs);
    },
    reset() {
      issued.clear();
    },
  };
}
