// Sending failed-but-valid records back through their stream: batched within PutRecordBatch's limits, each record
// retried until Firehose acknowledges it or the attempts run out, idempotent by entryId (what `entries/` already holds
// is skipped). The sender is injected, so tests run against the emulator and the CLI against AWS.
import type { TransformConfig } from '@campaign-entry/firehose-transform';
import { FIREHOSE_BATCH_LIMITS } from '@campaign-entry/sdk/rules';
import type { ObjectStore } from '../store/object-store.js';
import { deliveredEntryIds, type ReplayCandidate, scanFailed } from './failed-records.js';

/** One PutRecordBatch call: per record, acknowledged or not (a whole-call failure throws). */
export type SendBatch = (stream: string, records: readonly Uint8Array[]) => Promise<readonly boolean[]>;

/** Options of {@link replayFailed}. */
export interface ReplayOptions {
  /** Sends one batch; omit for a dry run (nothing sent, the report says what would be). */
  readonly send?: SendBatch | undefined;
  /** Stream for records whose object key names none. */
  readonly defaultStream?: string | undefined;
  /** Attempts per record (whole-call failures count as one for each record in the call). @default 5 */
  readonly attempts?: number;
  /** Waits between attempts. @default 200 ms × attempt */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now: () => number;
}

/** What a replay did. */
export interface ReplayReport {
  /** Lines read under `errors/processing-failed/`. */
  readonly scanned: number;
  /** Records the transform would still refuse, by reason (left in place). */
  readonly refused: Record<string, number>;
  /** Valid records whose entryId is already in `entries/`. */
  readonly alreadyDelivered: number;
  /** Valid, not yet delivered: sent (or, in a dry run, would be). */
  readonly toSend: number;
  /** Acknowledged by Firehose. */
  readonly sent: number;
  /** Not acknowledged after every attempt (run again later: nothing is removed). */
  readonly failed: readonly string[];
  readonly dryRun: boolean;
}

/**
 * Packs candidates into batches per stream within PutRecordBatch's limits (the SDK's {@link FIREHOSE_BATCH_LIMITS}, the
 * one place they are written for a sender). Its own loop rather than the SDK's `packBatches`: that lives in the SDK's
 * lazily loaded sending code, which `/rules` must not pull in, and a replay also splits where the stream changes.
 */
export function packReplay(records: readonly ReplayCandidate[]): ReplayCandidate[][] {
  const { maxRecords, maxBytes } = FIREHOSE_BATCH_LIMITS;
  const batches: ReplayCandidate[][] = [];
  let batch: ReplayCandidate[] = [];
  let bytes = 0;
  for (const record of records) {
    const full = batch.length === maxRecords || bytes + record.data.byteLength > maxBytes;
    if (batch.length > 0 && (full || batch[0]?.stream !== record.stream)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(record);
    bytes += record.data.byteLength;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Replays the valid, undelivered records under `errors/processing-failed/` of `bucket`. */
export async function replayFailed(
  bucket: ObjectStore,
  config: TransformConfig,
  options: ReplayOptions,
): Promise<ReplayReport> {
  const scan = await scanFailed(bucket, config, options.now());
  const delivered = await deliveredEntryIds(bucket);
  const pending = scan.candidates
    .filter((record) => !delivered.has(record.entryId))
    .map((record) => ({ ...record, stream: record.stream ?? options.defaultStream }));
  const base = {
    scanned: scan.scanned,
    refused: scan.refused,
    alreadyDelivered: scan.candidates.length - pending.length,
    toSend: pending.length,
  };
  const { send } = options;
  if (!send) return { ...base, sent: 0, failed: [], dryRun: true };
  const unknownStream = pending.filter((record) => record.stream === undefined).map((record) => record.entryId);
  let waiting = pending
    .filter((record) => record.stream !== undefined)
    .sort((a, b) => (a.stream ?? '').localeCompare(b.stream ?? ''));
  const attempts = options.attempts ?? 5;
  const sleep = options.sleep ?? wait;
  let sent = 0;
  for (let attempt = 1; attempt <= attempts && waiting.length > 0; attempt++) {
    if (attempt > 1) await sleep(200 * attempt);
    const again: ReplayCandidate[] = [];
    for (const batch of packReplay(waiting)) {
      let acknowledged: readonly boolean[];
      try {
        acknowledged = await send(
          batch[0]?.stream as string,
          batch.map((record) => record.data),
        );
      } catch {
        acknowledged = [];
      }
      batch.forEach((record, index) => {
        if (acknowledged[index] === true) sent++;
        else again.push(record);
      });
    }
    waiting = again;
  }
  return { ...base, sent, failed: [...unknownStream, ...waiting.map((record) => record.entryId)], dryRun: false };
}
