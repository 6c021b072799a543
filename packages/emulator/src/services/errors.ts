// One error family for the emulator (ky's pattern): a base class with a `code`, subclasses with a fixed `name`, and a
// guard that compares `name` so it also works across realms. `AwsServiceError` is the one the request pipeline throws
// to answer in AWS's error shape; the others reach the caller (bad options, a server that cannot start, a failed write).

/** What went wrong, as data (`as const` object + same-name type instead of an enum). */
export const EmulatorErrorCode = {
  /** An option (constructor, run-time setter, CLI flag or inspection API body) is unknown or out of range. */
  InvalidOption: 'invalid-option',
  /** The port the server was asked to listen on is taken. */
  PortInUse: 'port-in-use',
  /** The data directory cannot be created or written. */
  DataDirUnwritable: 'data-dir-unwritable',
  /** The server could not start for another reason (see `cause`). */
  StartFailed: 'start-failed',
  /** Buffered records could not be written to the sink; they stay buffered. */
  DeliveryFailed: 'delivery-failed',
  /** An AWS error answer (see {@link AwsServiceError.awsType}). */
  AwsError: 'aws-error',
} as const;

/** One of {@link EmulatorErrorCode}'s values. */
export type EmulatorErrorCode = (typeof EmulatorErrorCode)[keyof typeof EmulatorErrorCode];

/** Base class of every error the emulator throws. */
export class EmulatorError extends Error {
  override name: string = 'EmulatorError';
  /** Machine-readable reason. */
  readonly code: EmulatorErrorCode;

  constructor(code: EmulatorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** An option is unknown or has a value out of range. */
export class ConfigError extends EmulatorError {
  override name = 'ConfigError' as const;

  constructor(message: string, options?: { cause?: unknown }) {
    super(EmulatorErrorCode.InvalidOption, message, options);
  }
}

/** The Node server could not start: port in use, data directory not writable, … */
export class StartupError extends EmulatorError {
  override name = 'StartupError' as const;

  constructor(
    code:
      | typeof EmulatorErrorCode.PortInUse
      | typeof EmulatorErrorCode.DataDirUnwritable
      | typeof EmulatorErrorCode.StartFailed,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

/** Buffered records could not be written to the sink. They are kept and written on the next flush. */
export class DeliveryError extends EmulatorError {
  override name = 'DeliveryError' as const;

  constructor(message: string, options?: { cause?: unknown }) {
    super(EmulatorErrorCode.DeliveryFailed, message, options);
  }
}

/**
 * The HTTP status of each AWS error type the emulator answers with, as the real services send them (AWS JSON 1.1:
 * the type goes in `__type` and `x-amzn-ErrorType`).
 */
export const AWS_ERROR_STATUS = {
  // Either service
  SerializationException: 400,
  UnknownOperationException: 400,
  ValidationException: 400,
  // Signature Version 4 (the common errors of every signed AWS JSON service)
  MissingAuthenticationTokenException: 400,
  IncompleteSignatureException: 400,
  InvalidSignatureException: 400,
  UnrecognizedClientException: 400,
  ExpiredTokenException: 400,
  // IAM: an explicit deny (the circuit breaker's policy on the guest role), as every AWS JSON service answers it
  AccessDeniedException: 400,
  // Kinesis Data Firehose
  ResourceNotFoundException: 400,
  InvalidArgumentException: 400,
  ServiceUnavailableException: 503,
  InternalFailure: 500,
  ServiceUnavailable: 503,
  // Cognito Identity
  NotAuthorizedException: 400,
  TooManyRequestsException: 400,
  InvalidParameterException: 400,
  InternalErrorException: 500,
} as const;

/** An AWS error type the emulator can answer with. */
export type AwsErrorType = keyof typeof AWS_ERROR_STATUS;

/** An answer in AWS's error shape; thrown inside the request pipeline and turned into a response at its edge. */
export class AwsServiceError extends EmulatorError {
  override name = 'AwsServiceError' as const;
  /** The AWS error type, e.g. `ResourceNotFoundException`. */
  readonly awsType: AwsErrorType;
  /** HTTP status sent with it. */
  readonly status: number;

  constructor(awsType: AwsErrorType, message: string) {
    super(EmulatorErrorCode.AwsError, message);
    this.awsType = awsType;
    this.status = AWS_ERROR_STATUS[awsType];
  }
}

const NAMES = new Set(['EmulatorError', 'ConfigError', 'StartupError', 'DeliveryError', 'AwsServiceError']);

/**
 * Whether `value` is one of the emulator's errors (compares `name` and `code`, so it works across realms and copies).
 * @example
 * try { await startEmulator({ port: 80 }) } catch (error) { if (isEmulatorError(error)) console.error(error.message) }
 */
export function isEmulatorError(value: unknown): value is EmulatorError {
  return (
    value instanceof Error &&
    NAMES.has(value.name) &&
    typeof (value as { code?: unknown }).code === 'string' &&
    Object.values(EmulatorErrorCode).includes((value as unknown as { code: EmulatorErrorCode }).code)
  );
}
