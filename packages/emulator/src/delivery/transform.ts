// Firehose's data-transformation step, as Firehose runs it between buffering and the S3 write: the buffered records go
// to the function in invocations of at most the processor buffer; a failed invocation is retried; each answer is
// checked against the status model; `Ok` records are delivered, `Dropped` ones vanish and everything refused becomes
// a JSON line for `<errorPrefix>processing-failed/`. Platform-neutral (no Buffer): it runs under msw too.
import { ACCOUNT_ID } from '../config/defaults.js';
import type { BufferedRecord } from './buffered-record.js';
import type { FirehoseTransform, TransformEvent, TransformResultRecord } from './transform-api.js';

/** Firehose's default Lambda processor buffer (`BufferSizeInMBs` 1), in bytes: the most data per invocation. */
export const PROCESSOR_BUFFER_BYTES = 1024 * 1024;

/** Firehose's default `NumberOfRetries` for a failed invocation. */
export const TRANSFORM_RETRIES = 3;

/** The error folder Firehose gives records the transformation refused (`!{firehose:error-output-type}`). */
export const PROCESSING_FAILED = 'processing-failed';

/**
 * One line of a `processing-failed/` object, as Firehose writes it (Data Transformation Failure Handling in the
 * Firehose developer guide), one JSON object per refused record.
 */
export interface ProcessingFailedLine {
  /** Invocations attempted (1, or 1 + retries when the function kept failing). */
  attemptsMade: number;
  /** When Firehose received the record, ms since the epoch. */
  arrivalTimestamp: number;
  /** `Lambda.ProcessingFailedStatus` for a `ProcessingFailed` answer; `Lambda.FunctionError`, … otherwise. */
  errorCode: string;
  /** Firehose's explanation. */
  errorMessage: string;
  /** When Firehose stopped trying, ms since the epoch. */
  attemptEndingTimestamp: number;
  /** The original record, base64. */
  rawData: string;
  /** The function's ARN (`…:function:<name>:$LATEST`). */
  lambdaArn: string;
}

/** Transformation counters of one stream. */
export interface TransformCounters {
  /** Records handed to the function. */
  processedRecords: number;
  /** Answered `Ok` (and so delivered under the stream's prefix). */
  okRecords: number;
  /** Written under `<errorPrefix>processing-failed/`: refused, or the function kept failing. */
  processingFailedRecords: number;
  /** Answered `Dropped`. */
  droppedRecords: number;
  /** Invocations, retries included. */
  invocations: number;
  /** Invocations that threw or answered outside the status model (each then retried). */
  failedInvocations: number;
}

/** A zeroed {@link TransformCounters}. */
export const emptyTransformCounters = (): TransformCounters => ({
  processedRecords: 0,
  okRecords: 0,
  processingFailedRecords: 0,
  droppedRecords: 0,
  invocations: 0,
  failedInvocations: 0,
});

/** What a batch turned into. */
export interface TransformOutcome {
  /** `Ok` records with the function's data, in order. */
  delivered: BufferedRecord[];
  /** One JSON line (newline-terminated) per refused record, with the original's arrival time. */
  failed: BufferedRecord[];
  /** Counters to add once the batch is written. */
  counters: TransformCounters;
}

/** What {@link runTransform} needs besides the records. */
export interface TransformStep {
  transform: FirehoseTransform;
  stream: string;
  region: string;
  /** Emulator clock, ms since the epoch. */
  now: () => number;
  /** Invocation ids. */
  uuid: () => string;
  /** @default {@link PROCESSOR_BUFFER_BYTES} */
  bufferBytes?: number;
  /** @default {@link TRANSFORM_RETRIES} */
  retries?: number;
}

const CHUNK = 0x8000;

/** base64 of `bytes` (btoa over a binary string, in chunks so large records do not overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Bytes of a base64 string; throws on a malformed one. */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Splits records into invocations of at most `maxBytes` of data (a record over it goes alone). */
function invocationsOf(records: readonly BufferedRecord[], maxBytes: number): BufferedRecord[][] {
  const chunks: BufferedRecord[][] = [];
  let current: BufferedRecord[] = [];
  let bytes = 0;
  for (const record of records) {
    if (current.length > 0 && bytes + record.data.byteLength > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(record);
    bytes += record.data.byteLength;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

class StatusModelError extends Error {
  override name = 'StatusModelError';
}

const FAILURES = {
  function: ['Lambda.FunctionError', 'The Lambda function was successfully invoked but it returned an error result.'],
  format: [
    'Lambda.JsonProcessingException',
    'There was an error parsing returned records from the Lambda function. Ensure that the returned records follow the status model required by Kinesis Data Firehose.',
  ],
  missing: [
    'Lambda.MissingRecordId',
    'One or more record Ids were not returned. Ensure that the Lambda function returns all received record Ids.',
  ],
  duplicated: [
    'Lambda.DuplicatedRecordId',
    'Multiple records were returned with the same record Id. Ensure that the Lambda function returns unique record Ids for each record.',
  ],
  refused: ['Lambda.ProcessingFailedStatus', 'ProcessingFailed status set for record'],
} as const;

/** Checks an answer's shape; per-record problems are left to the caller. Throws {@link StatusModelError}. */
function checkAnswer(answer: unknown): TransformResultRecord[] {
  const records = (answer as { records?: unknown } | null)?.records;
  if (!Array.isArray(records)) throw new StatusModelError('the answer has no records list');
  for (const record of records) {
    const { recordId, result, data } = (record ?? {}) as Partial<TransformResultRecord>;
    if (typeof recordId !== 'string' || !['Ok', 'Dropped', 'ProcessingFailed'].includes(String(result))) {
      throw new StatusModelError('a record has no recordId or an unknown result');
    }
    if (result === 'Ok' && typeof data !== 'string') throw new StatusModelError('an Ok record has no data');
  }
  return records as TransformResultRecord[];
}

/**
 * Runs the transformation over one buffered batch, as Firehose does. Never throws: a function that keeps failing
 * sends its records to `processing-failed/`.
 */
export async function runTransform(batch: readonly BufferedRecord[], step: TransformStep): Promise<TransformOutcome> {
  const counters = emptyTransformCounters();
  const delivered: BufferedRecord[] = [];
  const failed: BufferedRecord[] = [];
  const retries = step.retries ?? TRANSFORM_RETRIES;
  const lambdaArn = `arn:aws:lambda:${step.region}:${ACCOUNT_ID}:function:transform:$LATEST`;
  const encoder = new TextEncoder();
  const fail = (record: BufferedRecord, [errorCode, errorMessage]: readonly [string, string], attemptsMade: number) => {
    const line: ProcessingFailedLine = {
      attemptsMade,
      arrivalTimestamp: record.arrivedAt,
      errorCode,
      errorMessage,
      attemptEndingTimestamp: step.now(),
      rawData: toBase64(record.data),
      lambdaArn,
    };
    failed.push({ ...record, data: encoder.encode(`${JSON.stringify(line)}\n`) });
    counters.processingFailedRecords += 1;
  };

  for (const records of invocationsOf(batch, step.bufferBytes ?? PROCESSOR_BUFFER_BYTES)) {
    counters.processedRecords += records.length;
    const event: TransformEvent = {
      invocationId: step.uuid(),
      deliveryStreamArn: `arn:aws:firehose:${step.region}:${ACCOUNT_ID}:deliverystream/${step.stream}`,
      region: step.region,
      records: records.map((record) => ({
        recordId: record.recordId,
        approximateArrivalTimestamp: record.arrivedAt,
        data: toBase64(record.data),
      })),
    };
    let answers: TransformResultRecord[] | undefined;
    let failure: readonly [string, string] = FAILURES.function;
    let attempts = 0;
    while (answers === undefined && attempts <= retries) {
      attempts += 1;
      counters.invocations += 1;
      try {
        answers = checkAnswer(await step.transform(structuredClone(event)));
      } catch (error) {
        counters.failedInvocations += 1;
        failure = error instanceof StatusModelError ? FAILURES.format : FAILURES.function;
      }
    }
    if (answers === undefined) {
      for (const record of records) fail(record, failure, attempts);
      continue;
    }
    const byId = new Map<string, TransformResultRecord>();
    const duplicated = new Set<string>();
    for (const answer of answers) {
      if (byId.has(answer.recordId)) duplicated.add(answer.recordId);
      byId.set(answer.recordId, answer);
    }
    for (const record of records) {
      const answer = byId.get(record.recordId);
      if (duplicated.has(record.recordId)) fail(record, FAILURES.duplicated, attempts);
      else if (!answer) fail(record, FAILURES.missing, attempts);
      else if (answer.result === 'ProcessingFailed') fail(record, FAILURES.refused, attempts);
      else if (answer.result === 'Dropped') counters.droppedRecords += 1;
      else {
        let data: Uint8Array;
        try {
          data = fromBase64(answer.data ?? '');
        } catch {
          fail(record, FAILURES.format, attempts);
          continue;
        }
        delivered.push({ ...record, data });
        counters.okRecords += 1;
      }
    }
  }
  return { delivered, failed, counters };
}
