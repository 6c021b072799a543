// A whole invocation, without I/O: one answer per input record, in order, same ids; a per-record try/catch so one
// record that trips a bug is refused alone instead of failing the batch; counts for the metrics line.
import { Buffer } from 'node:buffer';
import { type CheckedRecord, checkRecord, type RejectedIssue, RejectReason } from './check-record.js';
import type { TransformConfig } from './config.js';
import {
  type FirehoseResultRecord,
  type FirehoseTransformEvent,
  type FirehoseTransformResult,
  RecordResult,
} from './contract.js';
import { TransformError, TransformErrorCode } from './errors.js';
import { ReviewFlag } from './review.js';

/** One refused record, for the log (no field values, no raw data). */
export interface Rejection {
  readonly recordId: string;
  readonly reason: RejectReason;
  readonly detail?: string;
  readonly entryId?: string;
  readonly issues?: readonly RejectedIssue[];
}

/** Counts of one invocation. */
export interface BatchSummary {
  /** Records in the event. */
  records: number;
  /** Answered `Ok` (delivered to `entries/`). */
  ok: number;
  /** Of those, flagged for review. */
  review: number;
  /** Answered `ProcessingFailed` (written under the error prefix). */
  processingFailed: number;
  /** Refusals per reason. */
  rejected: Record<RejectReason, number>;
  /** Review flags raised (an entry can raise several). */
  flags: Record<ReviewFlag, number>;
}

/** The result of {@link transformBatch}. */
export interface BatchOutcome {
  /** What to answer Firehose. */
  readonly result: FirehoseTransformResult;
  readonly summary: BatchSummary;
  /** Every refused record, in order. */
  readonly rejections: readonly Rejection[];
  /** Size of `result` as JSON, in bytes (all ASCII: ids and base64). */
  readonly responseBytes: number;
}

const zeros = <K extends string>(keys: Record<string, K>): Record<K, number> =>
  Object.fromEntries(Object.values(keys).map((key) => [key, 0])) as Record<K, number>;

/** `{"recordId":"","result":"ProcessingFailed","data":""},` without the id and data. */
const ENTRY_OVERHEAD_BYTES = 52;

/**
 * Checks every record of a Firehose invocation. Throws only {@link TransformError} `invalid-event` (not Firehose's
 * shape: there are no ids to answer for), never for a record's content.
 */
export function transformBatch(event: FirehoseTransformEvent, config: TransformConfig): BatchOutcome {
  if (!event || typeof event !== 'object' || !Array.isArray(event.records)) {
    throw new TransformError(TransformErrorCode.InvalidEvent, 'the event has no records list');
  }
  const summary: BatchSummary = {
    records: event.records.length,
    ok: 0,
    review: 0,
    processingFailed: 0,
    rejected: zeros(RejectReason),
    flags: zeros(ReviewFlag),
  };
  const rejections: Rejection[] = [];
  const records: FirehoseResultRecord[] = [];
  let responseBytes = '{"records":[]}'.length;
  for (const input of event.records) {
    if (typeof input?.recordId !== 'string') {
      throw new TransformError(TransformErrorCode.InvalidEvent, 'a record has no string recordId');
    }
    const data = typeof input.data === 'string' ? input.data : '';
    let answer: FirehoseResultRecord;
    try {
      const arrivedAt = Number.isFinite(input.approximateArrivalTimestamp)
        ? input.approximateArrivalTimestamp
        : Date.now();
      const outcome = checkRecord(Buffer.from(data, 'base64'), arrivedAt, config);
      if (outcome.ok) {
        count(summary, outcome.record);
        answer = {
          recordId: input.recordId,
          result: RecordResult.Ok,
          data: Buffer.from(outcome.line).toString('base64'),
        };
      } else {
        const { ok: _ok, ...rejection } = outcome;
        rejections.push({ recordId: input.recordId, ...rejection });
        summary.rejected[outcome.reason] += 1;
        answer = { recordId: input.recordId, result: RecordResult.ProcessingFailed, data };
      }
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'unknown error';
      rejections.push({ recordId: input.recordId, reason: RejectReason.InternalError, detail });
      summary.rejected[RejectReason.InternalError] += 1;
      answer = { recordId: input.recordId, result: RecordResult.ProcessingFailed, data };
    }
    if (answer.result === RecordResult.ProcessingFailed) summary.processingFailed += 1;
    responseBytes += ENTRY_OVERHEAD_BYTES + answer.recordId.length + answer.data.length;
    records.push(answer);
  }
  return { result: { records }, summary, rejections, responseBytes };
}

function count(summary: BatchSummary, record: CheckedRecord): void {
  summary.ok += 1;
  if (record.checks.review) summary.review += 1;
  for (const flag of record.checks.flags) summary.flags[flag] += 1;
}
