// Firehose's data-transformation contract (Direct PUT source), as plain types: what Firehose sends the Lambda and what
// it expects back. Structurally the same as `@types/aws-lambda`'s FirehoseTransformation* types (a test checks it), so
// the emulator and users can call the handler without that package.

/** One buffered record, as Firehose hands it to the function. */
export interface FirehoseRecord {
  /** Opaque id; the answer for this record must carry the same one. */
  readonly recordId: string;
  /** When Firehose received the record, in milliseconds since the epoch (Firehose's clock, not the device's). */
  readonly approximateArrivalTimestamp: number;
  /** The record's bytes, base64-encoded. */
  readonly data: string;
}

/** A synchronous invocation from Firehose: a batch of up to the processor's `BufferSizeInMBs` of records. */
export interface FirehoseTransformEvent {
  /** Unique per invocation (retries of a failed invocation get a new one). */
  readonly invocationId: string;
  /** `arn:aws:firehose:<region>:<account>:deliverystream/<name>`. */
  readonly deliveryStreamArn: string;
  /** The stream's region. */
  readonly region: string;
  /** The records, in arrival order. */
  readonly records: readonly FirehoseRecord[];
}

/** What the function decided for one record (`as const` object + same-name type). */
export const RecordResult = {
  /** Transformed; `data` is delivered to the destination. */
  Ok: 'Ok',
  /** Removed on purpose; counts as processed. This transform never answers it: nothing is silently lost. */
  Dropped: 'Dropped',
  /** Refused; Firehose writes the original record under `<ErrorOutputPrefix>processing-failed/`. */
  ProcessingFailed: 'ProcessingFailed',
} as const;

/** One of {@link RecordResult}'s values. */
export type RecordResult = (typeof RecordResult)[keyof typeof RecordResult];

/** The answer for one record. */
export interface FirehoseResultRecord {
  /** The input record's id. */
  recordId: string;
  /** The decision. */
  result: RecordResult;
  /** The record to deliver, base64-encoded (for `ProcessingFailed`, the input as received). */
  data: string;
}

/** The function's answer: exactly one entry per input record, same ids. */
export interface FirehoseTransformResult {
  records: FirehoseResultRecord[];
}

/**
 * Lambda's limit on a synchronous response: 6 MB. Firehose invokes synchronously, so the whole answer (JSON, base64
 * data included) must fit.
 */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

/** The processor buffer the template configures (`BufferSizeInMBs`), in bytes before base64. */
export const PROCESSOR_BUFFER_BYTES = 1024 * 1024;
