// Cognito Identity's unauthenticated ("guest") flow: GetId creates an identity in a pool that allows guests, and
// GetCredentialsForIdentity issues temporary credentials for it (the enhanced flow the AWS SDK's
// `fromCognitoIdentityPool` uses). Both calls are unsigned, as on AWS.

import type { Faults, Quotas, ResolvedPool } from '../config/options.js';
import type { CredentialStore } from './credential-store.js';
import { AwsServiceError } from './errors.js';
import type { FaultDice } from './faults.js';
import type { QuotaCounter } from './quotas.js';
import type { IdSource } from './random.js';
import type { StatsRecorder } from './stats.js';

/** `X-Amz-Target` prefix of Cognito Identity calls. */
export const COGNITO_TARGET_PREFIX = 'AWSCognitoIdentityService.';

/** What the Cognito Identity operations need. */
export interface CognitoDeps {
  /** The emulator's region: where a pool that names none is. */
  region: string;
  /** Identity pools. */
  pools: readonly ResolvedPool[];
  /** Where issued credentials go. */
  credentials: CredentialStore;
  /** Identifier source. */
  ids: IdSource;
  /** Settings in force at the time of a call. */
  settings: () => { quotas: Quotas; faults: Faults; credentialTtlSeconds: number };
  /** Fault decisions. */
  dice: FaultDice;
  /** Per-second quota usage. */
  quota: QuotaCounter<'requests'>;
  /** Counters. */
  stats: StatsRecorder;
}

/** The Cognito Identity endpoint. */
export interface CognitoIdentity {
  /** Runs `operation` (the part of `X-Amz-Target` after the prefix). Throws {@link AwsServiceError}. */
  call(operation: string, input: Record<string, unknown>, now: number): unknown;
  /** How many identities exist. */
  identityCount(): number;
  /** Forgets every identity. */
  reset(): void;
}

function requireString(input: Record<string, unknown>, member: string, path: string): string {
  const value = input[member];
  if (typeof value !== 'string' || value.length === 0) {
    throw new AwsServiceError(
      'ValidationException',
      `1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

function refuseLogins(input: Record<string, unknown>): void {
  const logins = input.Logins;
  if (logins && typeof logins === 'object' && Object.keys(logins).length > 0) {
    throw new AwsServiceError(
      'NotAuthorizedException',
      'Logins are not supported by the emulator: only unauthenticated identities are.',
    );
  }
}

/** Builds the Cognito Identity endpoint. */
export function createCognitoIdentity(deps: CognitoDeps): CognitoIdentity {
  const identities = new Map<string, ResolvedPool>();

  // Quotas are counted per region, as AWS counts them per account and region: pools in different regions never
  // share a second's allowance. A pool's own quotas stand in for its region's.
  const admit = (operation: 'getIdPerSecond' | 'getCredentialsPerSecond', now: number, pool?: ResolvedPool) => {
    const { quotas, faults } = deps.settings();
    const limit = pool?.quotas?.[operation] ?? quotas[operation];
    const region = pool?.region ?? deps.region;
    if (
      deps.dice.roll(faults.cognitoThrottleRate) ||
      !deps.quota.tryConsume(`cognito:${region}:${operation}`, now, { requests: 1 }, { requests: limit })
    ) {
      deps.stats.countCognito(now, { throttled: 1 });
      throw new AwsServiceError('TooManyRequestsException', 'Rate exceeded');
    }
  };

  const getId = (input: Record<string, unknown>, now: number) => {
    const pool = deps.pools.find((candidate) => candidate.id === input.IdentityPoolId);
    admit('getIdPerSecond', now, pool);
    const poolId = requireString(input, 'IdentityPoolId', 'identityPoolId');
    if (!pool) throw new AwsServiceError('ResourceNotFoundException', `IdentityPool '${poolId}' not found.`);
    refuseLogins(input);
    if (!pool.allowUnauthenticated) {
      throw new AwsServiceError(
        'NotAuthorizedException',
        'Unauthenticated access is not supported for this identity pool.',
      );
    }
    const identityId = `${pool.region ?? deps.region}:${deps.ids.uuid()}`;
    identities.set(identityId, pool);
    deps.stats.countCognito(now, { getId: 1 });
    return { IdentityId: identityId };
  };

  const getCredentialsForIdentity = (input: Record<string, unknown>, now: number) => {
    const pool = typeof input.IdentityId === 'string' ? identities.get(input.IdentityId) : undefined;
    admit('getCredentialsPerSecond', now, pool);
    const identityId = requireString(input, 'IdentityId', 'identityId');
    if (!identities.has(identityId)) {
      throw new AwsServiceError('ResourceNotFoundException', `Identity '${identityId}' not found.`);
    }
    refuseLogins(input);
    const issued = deps.credentials.issue(identityId, now, deps.settings().credentialTtlSeconds * 1000);
    deps.stats.countCognito(now, { getCredentials: 1 });
    return {
      IdentityId: identityId,
      Credentials: {
        AccessKeyId: issued.accessKeyId,
        SecretKey: issued.secretAccessKey,
        SessionToken: issued.sessionToken,
        Expiration: issued.expiresAt / 1000,
      },
    };
  };

  return {
    call(operation, input, now) {
      if (operation === 'GetId') return getId(input, now);
      if (operation === 'GetCredentialsForIdentity') return getCredentialsForIdentity(input, now);
      throw new AwsServiceError(
        'UnknownOperationException',
        `${COGNITO_TARGET_PREFIX}${operation} is not emulated (GetId and GetCredentialsForIdentity are).`,
      );
    },
    identityCount: () => identities.size,
    reset() {
      identities.clear();
    },
  };
}
