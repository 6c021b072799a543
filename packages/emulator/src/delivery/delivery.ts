// Delivery like Firehose to S3: records are buffered per stream and written as one gzip object once the buffer reaches
// the size hint or its oldest record the interval hint, or on flush. Records are concatenated exactly as sent.
//
// A write goes records → object groups → bytes → sink. Without a transform there is one group (the stream's prefix);
// with one (transform.ts), the batch becomes the transformed records plus a group under
// `<errorPrefix>processing-failed/` for those it refused, as Firehose's data transformation does.

import { DEFAULT_ERROR_PREFIX } from '../config/defaults.js';
import type { ResolvedStream } from '../config/options.js';
import { concatBytes } from '../services/bytes.js';
import { DeliveryError } from '../services/errors.js';
import type { BufferedRecord } from './buffered-record.js';
import { gzip } from './gzip.js';
import { firehoseObjectKey, type S3Sink } from './s3-sink.js';
import { emptyTransformCounters, PROCESSING_FAILED, runTransform, type TransformCounters } from './transform.js';
import type { FirehoseTransform } from './transform-api.js';

/** Delivery counters of one stream. */
export interface DeliveryCounters {
  /** Records waiting in the buffer. */
  bufferedRecords: number;
  /** Bytes waiting in the buffer. */
  bufferedBytes: number;
  /** Objects written (error objects from a transform included). */
  objects: number;
  /** Records written under the stream's prefix. */
  deliveredRecords: number;
  /** Bytes written under the stream's prefix (before compression). */
  deliveredBytes: number;
}

/** Buffers records per stream and writes them to a sink. */
export interface Delivery {
  /** Buffers `records` (in order); starts a write if the stream's buffer reached the size hint. */
  accept(stream: string, records: readonly BufferedRecord[]): void;
  /** Starts a write for every buffer whose oldest record is at least the interval hint old at `nowMs`. */
  tick(nowMs: number): void;
  /** Writes every buffer now and waits for all writes in flight; rejects with {@link DeliveryError} if one failed. */
  flush(): Promise<void>;
  /** Counters per stream. */
  counters(): Record<string, DeliveryCounters>;
  /** Transformation counters per stream (all zero without a transform). */
  transformCounters(): Record<string, TransformCounters>;
  /** Drops buffered records and zeroes counters (writes in flight finish). */
  reset(): void;
}

/** What {@link createDelivery} needs. */
export interface DeliveryOptions {
  /** The streams and their destinations. */
  streams: readonly ResolvedStream[];
  /** Where objects go. */
  sink: S3Sink;
  /** Size hint, in bytes. */
  sizeBytes: number;
  /** Interval hint, in milliseconds. */
  intervalMs: number;
  /** Unique suffix for object keys. */
  uuid: () => string;
  /** Told when a write started by `accept` or `tick` fails (the records stay buffered). */
  onError: (error: DeliveryError) => void;
  /** Firehose's data transformation, run on each batch before the write. @default none: records are written as sent */
  transform?: FirehoseTransform | undefined;
  /** Region in the ARNs the transform sees. @default 'us-east-1' */
  region?: string;
  /** Clock for the error records' timestamps, ms since the epoch. @default Date.now */
  now?: () => number;
}

interface StreamState {
  config: ResolvedStream;
  buffer: BufferedRecord[];
  bufferedBytes: number;
  counters: DeliveryCounters;
  transformCounters: TransformCounters;
}

/** Records bound for one object: the destination prefix, or the error folder. */
interface ObjectGroup {
  prefix: string;
  records: readonly BufferedRecord[];
  delivered: boolean;
}

const zeroCounters = (): DeliveryCounters => ({
  bufferedRecords: 0,
  bufferedBytes: 0,
  objects: 0,
  deliveredRecords: 0,
  deliveredBytes: 0,
});

/** Builds a {@link Delivery}. */
export function createDelivery(options: DeliveryOptions): Delivery {
  const states = new Map<string, StreamState>(
    options.streams.map((config) => [
      config.name,
      { config, buffer: [], bufferedBytes: 0, counters: zeroCounters(), transformCounters: emptyTransformCounters() },
    ]),
  );
  const inFlight = new Set<Promise<void>>();

  const drain = (state: StreamState): BufferedRecord[] => {
    const batch = state.buffer;
    state.buffer = [];
    state.bufferedBytes = 0;
    return batch;
  };

  const groupsOf = async (
    state: StreamState,
    batch: BufferedRecord[],
  ): Promise<{ groups: ObjectGroup[]; transformed?: TransformCounters }> => {
    if (!options.transform) return { groups: [{ prefix: state.config.prefix, records: batch, delivered: true }] };
    const outcome = await runTransform(batch, {
      transform: options.transform,
      stream: state.config.name,
      region: options.region ?? 'us-east-1',
      now: options.now ?? Date.now,
      uuid: options.uuid,
    });
    return {
      groups: [
        { prefix: state.config.prefix, records: outcome.delivered, delivered: true },
        {
          prefix: `${state.config.errorPrefix ?? DEFAULT_ERROR_PREFIX}${PROCESSING_FAILED}/`,
          records: outcome.failed,
          delivered: false,
        },
      ],
      transformed: outcome.counters,
    };
  };

  const write = async (state: StreamState, batch: BufferedRecord[]): Promise<void> => {
    try {
      const { groups, transformed } = await groupsOf(state, batch);
      for (const group of groups) {
        const first = group.records[0];
        if (!first) continue;
        const raw = concatBytes(group.records.map((record) => record.data));
        const key = firehoseObjectKey({
          prefix: group.prefix,
          stream: state.config.name,
          time: first.arrivedAt,
          uuid: options.uuid(),
        });
        await options.sink.putObject({ bucket: state.config.bucket, key, body: await gzip(raw) });
        state.counters.objects += 1;
        if (group.delivered) {
          state.counters.deliveredRecords += group.records.length;
          state.counters.deliveredBytes += raw.byteLength;
        }
      }
      // Counted once the whole batch is written: a failed write puts the batch back and transforms it again.
      if (transformed) {
        for (const [key, value] of Object.entries(transformed) as [keyof TransformCounters, number][]) {
          state.transformCounters[key] += value;
        }
      }
    } catch (cause) {
      // Keep what was acknowledged: put the batch back in front of anything that arrived meanwhile.
      state.buffer = [...batch, ...state.buffer];
      state.bufferedBytes += batch.reduce((sum, record) => sum + record.data.byteLength, 0);
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new DeliveryError(`could not deliver ${batch.length} record(s) of "${state.config.name}": ${reason}`, {
        cause,
      });
    }
  };

  const start = (state: StreamState): Promise<void> => {
    const job = write(state, drain(state));
    inFlight.add(job);
    const settle = () => inFlight.delete(job);
    job.then(settle, settle);
    return job;
  };

  const startInBackground = (state: StreamState) => {
    start(state).catch((error: DeliveryError) => options.onError(error));
  };

  return {
    accept(stream, records) {
      const state = states.get(stream);
      if (!state || records.length === 0) return;
      state.buffer.push(...records);
      state.bufferedBytes += records.reduce((sum, record) => sum + record.data.byteLength, 0);
      if (state.bufferedBytes >= options.sizeBytes || options.intervalMs === 0) startInBackground(state);
    },
    tick(nowMs) {
      for (const state of states.values()) {
        const oldest = state.buffer[0];
        if (oldest && nowMs - oldest.arrivedAt >= options.intervalMs) startInBackground(state);
      }
    },
    async flush() {
      for (const state of states.values()) if (state.buffer.length > 0) start(state).catch(() => {});
      const results = await Promise.allSettled([...inFlight]);
      const failure = results.find((result) => result.status === 'rejected');
      if (failure) throw failure.reason;
    },
    counters() {
      return Object.fromEntries(
        [...states].map(([name, state]) => [
          name,
          { ...state.counters, bufferedRecords: state.buffer.length, bufferedBytes: state.bufferedBytes },
        ]),
      );
    },
    transformCounters() {
      return Object.fromEntries([...states].map(([name, state]) => [name, { ...state.transformCounters }]));
    },
    reset() {
      for (const state of states.values()) {
        drain(state);
        state.counters = zeroCounters();
        state.transformCounters = emptyTransformCounters();
      }
    },
  };
}
