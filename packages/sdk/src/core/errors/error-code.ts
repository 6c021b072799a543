// The stable reasons an SDK error carries, as data (its own module: pages that only create errors never ship the list).
// What the SDK does about each one (retry, fail over, repair, tell an operator) is in failure-policy.ts, nowhere else.

/**
 * What went wrong, as data. Retry decisions read `retryable`; people read `message` (which, for errors an operator must
 * fix, says what to do).
 */
export const ErrorCode = {
  /** Firehose or Cognito asked us to slow down (quota or throttling). */
  Throttled: 'throttled',
  /** A 5xx or an `InternalFailure`: AWS had a problem. */
  ServiceError: 'service-error',
  /** The request never got an answer: offline, DNS, connection dropped, timeout. */
  Network: 'network',
  /** The device clock is too far from AWS's. */
  ClockSkew: 'clock-skew',
  /** The guest credentials expired or were rejected. */
  CredentialsExpired: 'credentials-expired',
  /** The guest role may not write to the stream. */
  AccessDenied: 'access-denied',
  /** The delivery stream does not exist (deleted, misspelt, other region). */
  StreamNotFound: 'stream-not-found',
  /** The identity pool does not exist or does not allow guests. */
  IdentityPoolInvalid: 'identity-pool-invalid',
  /** AWS rejected the request itself (should not happen: records are checked before sending). */
  InvalidRequest: 'invalid-request',
  /** The on-device queue is full; the entry was not accepted. */
  QueueFull: 'queue-full',
  /** The client was disposed. */
  Disposed: 'disposed',
  /** The configuration passed to `createCampaignClient` is unusable. */
  InvalidConfig: 'invalid-config',
  /** Anything else. */
  Unknown: 'unknown',
} as const;

/** One of {@link ErrorCode}'s values. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
