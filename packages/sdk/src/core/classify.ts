// Turning whatever a call threw (an AWS SDK modelled exception, a browser network TypeError, …) into a retry decision.
import type { CampaignEntryError } from './errors/campaign-entry-error.js';
import { ErrorCode } from './errors/error-code.js';
import { Backoff, errorFor, FAILURE_POLICY, type FailurePolicy } from './errors/failure-policy.js';

/** One classified failure: its code, what the policy table says about it, and what the error told us. */
export interface Failure {
  /** What kind of failure, as a stable code. */
  readonly code: ErrorCode;
  /** {@link FAILURE_POLICY}'s row for `code`. */
  readonly policy: FailurePolicy;
  /** For clock-skew errors: AWS's clock at the time of the error, in ms since the epoch, when it could be read. */
  readonly serverTime?: number;
  /** A sentence for logs; for operator errors, what to do. */
  readonly message: string;
  /**
   * Which backoff a retry waits on: the policy row's `cognitoBackoff` when Cognito refused (getting guest credentials),
   * else {@link Backoff.Delivery}.
   */
  readonly backoff: Backoff;
}

const THROTTLING = new Set([
  'ServiceUnavailableException', // Firehose's "Slow down."
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException', // Cognito
  'LimitExceededException',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'SlowDown',
]);
const TRANSIENT = new Set([
  'InternalFailure',
  'InternalFailureException',
  'InternalErrorException',
  'InternalServerError',
  'ServiceUnavailable',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
]);
const CREDENTIALS = new Set([
  'ExpiredTokenException',
  'ExpiredToken',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
]);
const CLOCK = new Set(['RequestTimeTooSkewed', 'RequestExpired', 'RequestInTheFuture', 'SignatureExpired']);
// Strings browsers put in the TypeError fetch rejects with (Chromium, WebKit, Firefox), and Node's undici/socket codes.
const NETWORK_MESSAGES = [
  'failed to fetch',
  'load failed',
  'networkerror',
  'network error',
  'network request failed',
  'fetch failed',
  'the internet connection appears to be offline',
  'econnreset',
  'econnrefused',
  'socket hang up',
  'epipe',
  'etimedout',
  'und_err',
];

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Reads AWS's clock from a clock-skew error: the `(… - 5 min.)` part of the message, else the `Date` header. */
export function readServerTime(error: unknown): number | undefined {
  const candidate = error as { message?: unknown; $response?: { headers?: Record<string, string> } } | null;
  const match = /\((\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\s*[-+]\s*\d+\s*min\.?\)/u.exec(
    text(candidate?.message),
  );
  if (match) {
    const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
    return Date.UTC(y, mo - 1, d, h, mi, s);
  }
  const header = candidate?.$response?.headers?.date ?? candidate?.$response?.headers?.Date;
  const parsed = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(parsed) ? undefined : parsed;
}

// Cognito's name for its throttling; Firehose says ServiceUnavailableException. The AWS SDK fetches guest credentials
// inside a PutRecordBatch call, so a Cognito failure can surface there too.
const COGNITO_ONLY = new Set(['TooManyRequestsException']);

function failure(code: ErrorCode, message: string, serverTime?: number, cognito = false): Failure {
  const policy: FailurePolicy = FAILURE_POLICY[code];
  const backoff = cognito ? (policy.cognitoBackoff ?? Backoff.Delivery) : Backoff.Delivery;
  const found = { code, policy, message: policy.operatorMessage ?? message, backoff };
  return serverTime === undefined ? found : { ...found, serverTime };
}

/**
 * Classifies anything a PutRecordBatch or Cognito call threw. Unknown errors count as retryable: giving up on an entry
 * by mistake is worse than one more attempt.
 * @param fromCognito the call was getting guest credentials (else told by the error's name where only Cognito uses it)
 */
export function classifyFailure(error: unknown, fromCognito = false): Failure {
  const candidate = (error ?? {}) as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    $metadata?: { httpStatusCode?: number };
    $fault?: unknown;
  };
  const name = text(candidate.name) || text(candidate.code);
  const message = text(candidate.message);
  const lower = message.toLowerCase();
  const status = candidate.$metadata?.httpStatusCode;

  if (
    CLOCK.has(name) ||
    (name === 'InvalidSignatureException' && /signature (expired|not yet current)/iu.test(message))
  ) {
    return failure(ErrorCode.ClockSkew, message || name, readServerTime(error));
  }
  // A signature that does not match means the key we signed with is not the one AWS knows: fetch credentials again.
  if (CREDENTIALS.has(name) || name === 'InvalidSignatureException')
    return failure(ErrorCode.CredentialsExpired, message || name);
  const cognito = fromCognito || COGNITO_ONLY.has(name);
  if (THROTTLING.has(name) || status === 429) return failure(ErrorCode.Throttled, message || name, undefined, cognito);
  if (TRANSIENT.has(name) || (status !== undefined && status >= 500))
    return failure(ErrorCode.ServiceError, message || name, undefined, cognito);
  if (name === 'AccessDeniedException' || name === 'AccessDenied') return failure(ErrorCode.AccessDenied, message);
  if (name === 'ResourceNotFoundException' && /identity|pool/iu.test(message))
    return failure(ErrorCode.IdentityPoolInvalid, message);
  if (name === 'ResourceNotFoundException') return failure(ErrorCode.StreamNotFound, message);
  if (name === 'NotAuthorizedException' || name === 'InvalidIdentityPoolConfigurationException') {
    return failure(ErrorCode.IdentityPoolInvalid, message);
  }
  if (name === 'InvalidArgumentException' || name === 'ValidationException' || name === 'SerializationException') {
    return failure(ErrorCode.InvalidRequest, message);
  }
  if (
    name === 'NetworkError' ||
    name === 'AbortError' ||
    (name === 'TypeError' && NETWORK_MESSAGES.some((fragment) => lower.includes(fragment))) ||
    NETWORK_MESSAGES.some((fragment) => lower.includes(fragment))
  ) {
    return failure(ErrorCode.Network, message || 'Network error');
  }
  if (status !== undefined && status >= 400 && status < 500 && status !== 408) {
    return failure(ErrorCode.InvalidRequest, message || `HTTP ${status}`);
  }
  return failure(ErrorCode.Unknown, message || name || 'Unknown error');
}

/**
 * Classifies one failed entry of PutRecordBatch's `RequestResponses` (`ErrorCode` is `ServiceUnavailableException` or
 * `InternalFailure`; both are retryable, and a saturated stream suggests trying another).
 */
export function classifyRecordError(errorCode: string, errorMessage = ''): Failure {
  if (errorCode === 'ServiceUnavailableException') return failure(ErrorCode.Throttled, errorMessage || errorCode);
  if (errorCode === 'InternalFailure') return failure(ErrorCode.ServiceError, errorMessage || errorCode);
  return classifyFailure({ name: errorCode, message: errorMessage });
}

/** The {@link CampaignEntryError} for a classified failure. */
export function toError(failure: Failure, cause?: unknown): CampaignEntryError {
  return errorFor(failure.code, failure.message, cause);
}
