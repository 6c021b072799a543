// What the SDK does about each kind of failure: the one table every retry, failover, repair and event decision reads.
// Keyed by every ErrorCode (`satisfies`), so a new code does not compile until it has a row.
import { CampaignEntryError } from './campaign-entry-error.js';
import { ErrorCode } from './error-code.js';

/** What to fix before the next attempt can succeed. */
export const RepairAction = {
  /** Nothing: the next attempt is the same call. */
  None: 'none',
  /** Forget the cached guest credentials, so the next call fetches fresh ones. */
  RefreshCredentials: 'refresh-credentials',
  /** Correct the signer's clock offset from AWS's time in the error. */
  CorrectClock: 'correct-clock',
} as const;

/** One of {@link RepairAction}'s values. */
export type RepairAction = (typeof RepairAction)[keyof typeof RepairAction];

/** Which spacing of retries a failure waits on (the durations are in `RetryPolicy`). */
export const Backoff = {
  /** `baseDelayMs` / `maxDelayMs`: Firehose, the network, anything a few seconds fix. */
  Delivery: 'delivery',
  /**
   * `identityBaseDelayMs` / `identityMaxDelayMs`, longer: Cognito's GetId quota is 25 calls/s per account and region,
   * so a stadium of phones throttled by it only makes it worse by coming back within a second.
   */
  Identity: 'identity',
} as const;

/** One of {@link Backoff}'s values. */
export type Backoff = (typeof Backoff)[keyof typeof Backoff];

/** How the SDK handles one kind of failure. */
export interface FailurePolicy {
  /** Whether trying again without anyone changing anything can succeed (else the `failed` event tells an operator). */
  readonly retryable: boolean;
  /** Whether later attempts try another delivery stream (this one is saturated). */
  readonly failover: boolean;
  /** Whether a guest-identity call failing so moves the device to the next identity pool (another region's Cognito). */
  readonly otherPool: boolean;
  /** Whether the first retry goes at once, without backoff: the repair has made the next call likely to succeed. */
  readonly retryAtOnce: boolean;
  /** What to fix before the next attempt. */
  readonly repair: RepairAction;
  /**
   * The backoff when Cognito (getting guest credentials) failed so; `Delivery` when absent. A Firehose failure always
   * waits on `Delivery`.
   */
  readonly cognitoBackoff?: Backoff;
  /** What an operator must do, for failures retrying cannot fix; `undefined` when the error's own message serves. */
  readonly operatorMessage: string | undefined;
}

const transient = {
  retryable: true,
  failover: false,
  otherPool: false,
  retryAtOnce: false,
  repair: RepairAction.None,
  operatorMessage: undefined,
} as const;
const final = {
  retryable: false,
  failover: false,
  otherPool: false,
  retryAtOnce: false,
  repair: RepairAction.None,
  operatorMessage: undefined,
} as const;

/** Every {@link ErrorCode}'s {@link FailurePolicy}. */
export const FAILURE_POLICY = {
  // A region's Cognito throttling (GetId: 25/s per account and region) or down: another region's pool serves.
  // Cognito's throttling gets the longer identity backoff (see Backoff.Identity).
  [ErrorCode.Throttled]: { ...transient, failover: true, otherPool: true, cognitoBackoff: Backoff.Identity },
  [ErrorCode.ServiceError]: { ...transient, otherPool: true },
  [ErrorCode.Network]: transient,
  [ErrorCode.ClockSkew]: { ...transient, retryAtOnce: true, repair: RepairAction.CorrectClock },
  [ErrorCode.CredentialsExpired]: { ...transient, retryAtOnce: true, repair: RepairAction.RefreshCredentials },
  [ErrorCode.AccessDenied]: {
    ...final,
    operatorMessage:
      "The guest role may not write to this delivery stream. Operator: allow firehose:PutRecordBatch on the stream in the identity pool's unauthenticated role. Entries stay stored on devices and are retried.",
  },
  [ErrorCode.StreamNotFound]: {
    ...final,
    operatorMessage:
      'The delivery stream does not exist in this region. Operator: check delivery-stream and region in the page config. Entries stay stored on devices and are retried.',
  },
  [ErrorCode.IdentityPoolInvalid]: {
    ...final,
    operatorMessage:
      'The identity pool does not exist or does not allow unauthenticated identities. Operator: check identity-pool-id and the pool settings. Entries stay stored on devices and are retried.',
  },
  [ErrorCode.InvalidRequest]: {
    ...final,
    operatorMessage: 'AWS rejected the request as invalid. Operator: report this as an SDK bug, with the message.',
  },
  // Not delivery failures: a submit is refused or the client misconfigured; the caller sees them at once.
  [ErrorCode.QueueFull]: final,
  [ErrorCode.Disposed]: final,
  [ErrorCode.InvalidConfig]: final,
  // Giving up on an entry by mistake is worse than one more attempt.
  [ErrorCode.Unknown]: transient,
} as const satisfies Record<ErrorCode, FailurePolicy>;

/**
 * The {@link CampaignEntryError} for `code`, its `retryable` read from {@link FAILURE_POLICY} and its message replaced
 * by the operator's instructions where the table has them.
 */
export function errorFor(code: ErrorCode, message: string, cause?: unknown): CampaignEntryError {
  const policy: FailurePolicy = FAILURE_POLICY[code];
  return new CampaignEntryError(
    code,
    policy.operatorMessage ?? message,
    cause === undefined ? { retryable: policy.retryable } : { retryable: policy.retryable, cause },
  );
}
