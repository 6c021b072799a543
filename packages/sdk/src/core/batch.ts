// Packing queued records into PutRecordBatch calls within Firehose's limits.
import { type BatchLimits, FIREHOSE_BATCH_LIMITS } from './limits.js';

/** Anything with a size in bytes. */
export interface Sized {
  readonly bytes: number;
}

/**
 * Splits `items` (in order) into batches that respect `limits`. Order is kept so the oldest entries go first. An item
 * larger than `maxBytes` on its own still gets a batch of its own (records are capped at 1,000 KiB earlier, well below).
 */
export function packBatches<T extends Sized>(items: readonly T[], limits: BatchLimits = FIREHOSE_BATCH_LIMITS): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let currentBytes = 0;
  for (const item of items) {
    if (current.length > 0 && (current.length >= limits.maxRecords || currentBytes + item.bytes > limits.maxBytes)) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(item);
    currentBytes += item.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * The size in bytes of a PutRecordBatch JSON request body carrying records of the given sizes:
 * `{"DeliveryStreamName":"…","Records":[{"Data":"<base64>"},…]}`.
 */
export function requestBodyBytes(streamName: string, recordBytes: readonly number[]): number {
  const envelope = `{"DeliveryStreamName":${JSON.stringify(streamName)},"Records":[]}`.length;
  const perRecord = '{"Data":""}'.length;
  const commas = Math.max(0, recordBytes.length - 1);
  return envelope + commas + recordBytes.reduce((sum, bytes) => sum + perRecord + 4 * Math.ceil(bytes / 3), 0);
}

/**
 * The longest prefix of `items` whose request body fits in `budgetBytes` (e.g. {@link KEEPALIVE_BODY_BYTES}).
 */
export function fitRequestBody<T extends Sized>(streamName: string, items: readonly T[], budgetBytes: number): T[] {
  const taken: T[] = [];
  const sizes: number[] = [];
  for (const item of items) {
    sizes.push(item.bytes);
    if (requestBodyBytes(streamName, sizes) > budgetBytes) break;
    taken.push(item);
  }
  return taken;
}
