// One error family for the transform. These are the *systemic* failures, the only ones the handler throws: a throw
// makes Firehose retry the invocation (`NumberOfRetries`) and then write the whole batch under the error prefix, so
// nothing is lost. Bad data never throws: it is answered `ProcessingFailed`, record by record.

/** Why the handler gave up on a whole invocation. */
export const TransformErrorCode = {
  /** The environment (CAMPAIGN_ID, FIELDS, MIN_AGE, OPENS_AT, CLOSES_AT) is missing or malformed. */
  InvalidConfig: 'invalid-config',
  /** The event is not Firehose's shape (no `records` list, a record without a string `recordId`). */
  InvalidEvent: 'invalid-event',
  /** The answer would pass Lambda's 6 MB response limit (the processor buffer is set too large). */
  ResponseTooLarge: 'response-too-large',
} as const;

/** One of {@link TransformErrorCode}'s values. */
export type TransformErrorCode = (typeof TransformErrorCode)[keyof typeof TransformErrorCode];

/** A systemic failure of the transform. Never retried by the handler itself: Firehose retries the invocation. */
export class TransformError extends Error {
  override name = 'TransformError' as const;
  /** Machine-readable reason. */
  readonly code: TransformErrorCode;

  constructor(code: TransformErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Whether `value` is a {@link TransformError} (compares `name` and `code`, so it works across realms). */
export function isTransformError(value: unknown): value is TransformError {
  return (
    value instanceof Error &&
    value.name === 'TransformError' &&
    Object.values(TransformErrorCode).includes((value as { code?: unknown }).code as TransformErrorCode)
  );
}
