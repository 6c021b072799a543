// The stable reasons an SDK error carries, as data (its own module: pages that only create errors never ship the list).

/**
 * What went wrong, as data. Retry decisions read `retryable`; people read `message` (which, for errors an operator must
 * fix, says what to do).
 */
export const ErrorCode = {
  /** Firehose or Cognito asked us to slow down (quota or throttling). Retried with backoff. */
  Throttled: 'throttled',
  /** A 5xx or an `InternalFailure`: AWS had a problem. Retried with backoff. */
  ServiceError: 'service-error',
  /** The request never got an answer: offline, DNS, connection dropped, timeout. Retried with backoff. */
  Network: 'network',
  /** The device clock is too far from AWS's; the signer corrects its offset and the call is retried at once. */
  ClockSkew: 'clock-skew',
  /** The guest credentials expired or were rejected; they are fetched again and the call retried. */
  CredentialsExpired: 'credentials-expired',
  /** The guest role may not write to the stream. Operator action: fix the IAM role. */
  AccessDenied: 'access-denied',
  /** The delivery stream does not exist (deleted, misspelt, other region). Operator action: fix the page config. */
  StreamNotFound: 'stream-not-found',
  /** The identity pool does not exist or does not allow guests. Operator action: fix the pool or the page config. */
  IdentityPoolInvalid: 'identity-pool-invalid',
  /** AWS rejected the request itself (should not happen: records are checked before sending). */
  InvalidRequest: 'invalid-request',
  /** The on-device queue is full; the entry was not accepted. */
  QueueFull: 'queue-full',
  /** The client was disposed. */
  Disposed: 'disposed',
  /** The configuration passed to `createCampaignClient` is unusable. */
  InvalidConfig: 'invalid-config',
  /** Anything else; treated as retryable so that no entry is given up on by mistake. */
  Unknown: 'unknown',
} as const;

/** One of {@link ErrorCode}'s values. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
