// The AWS side of a simulated halftime: Cognito Identity per region and Firehose per delivery stream, each quota a
// token bucket. It answers as AWS does (per-record results, or a thrown AWS-shaped error) and counts what it saw.
import type { RecordResult } from '@campaign-entry/sdk';
import type { Random } from '../engine/random.js';
import { COGNITO_TOO_MANY_REQUESTS, FIREHOSE_SLOW_DOWN } from './aws-errors.js';
import type { AwsQuotas } from './quotas.js';
import { createSecondWindow, createTokenBucket, type TokenBucket, takeAll } from './token-bucket.js';

/** What the simulated AWS counted. */
export interface AwsCounts {
  getId: number;
  getIdThrottled: number;
  getCredentials: number;
  getCredentialsThrottled: number;
  putRecordBatch: number;
  putRecordBatchThrottled: number;
  recordsAccepted: number;
  /** Records failed inside a 200 answer (partial failures near the quota). */
  recordsFailed: number;
}

/** Told about every throttle (for the time series). */
export type ThrottleListener = (service: 'firehose' | 'cognito', now: number) => void;

/** Told about every accepted record: `entryIndex` is read from the record's `entryId`. */
export type AcceptListener = (entryIndex: number, now: number) => void;

/** The simulated services. Calls are instantaneous: the network delay is the transport's business. */
export interface SimulatedAws {
  readonly counts: AwsCounts;
  /** Cognito `GetId` in `region`; throws `TooManyRequestsException` over quota. */
  getId(region: number, now: number): void;
  /** Cognito `GetCredentialsForIdentity` in `region`; throws `TooManyRequestsException` over quota. */
  getCredentials(region: number, now: number): void;
  /** Firehose `PutRecordBatch`; throws `ServiceUnavailableException` over quota, else one result per record. */
  putRecordBatch(stream: string, lines: readonly string[], now: number): RecordResult[];
}

/** Reads the device index the simulator encodes in the last 12 hex digits of every `entryId`. */
export function entryIndexOf(line: string): number {
  const at = line.indexOf('"entryId":"') + 11;
  return Number.parseInt(line.slice(at + 24, at + 36), 16);
}

interface StreamBuckets {
  readonly requests: TokenBucket;
  readonly records: TokenBucket;
  readonly bytes: TokenBucket;
}

/** Options of {@link createSimulatedAws}. */
export interface SimulatedAwsOptions {
  readonly quotas: AwsQuotas;
  readonly streams: readonly string[];
  readonly regions: number;
  readonly start: number;
  /** Decides which records fail near the quota. */
  readonly random: Random;
  readonly onThrottle?: ThrottleListener;
  readonly onAccept?: AcceptListener;
}

/** Creates the simulated AWS. */
export function createSimulatedAws(options: SimulatedAwsOptions): SimulatedAws {
  const { quotas, start, random } = options;
  // A real run starts anywhere in the emulator's second: one phase for all its counters, drawn from the run's seed.
  const phaseMs = quotas.fixedWindows ? Math.floor(random() * 1000) : 0;
  const bucket = (rate: number) =>
    quotas.fixedWindows ? createSecondWindow(rate, phaseMs) : createTokenBucket(rate, quotas.burstSeconds, start);
  const getIdBuckets = Array.from({ length: options.regions }, () => bucket(quotas.getIdPerSecond));
  const credentialBuckets = Array.from({ length: options.regions }, () => bucket(quotas.getCredentialsPerSecond));
  const streams = new Map<string, StreamBuckets>(
    options.streams.map((name) => [
      name,
      {
        requests: bucket(quotas.firehoseRequestsPerSecond),
        records: bucket(quotas.firehoseRecordsPerSecond),
        bytes: bucket(quotas.firehoseBytesPerSecond),
      },
    ]),
  );
  const counts: AwsCounts = {
    getId: 0,
    getIdThrottled: 0,
    getCredentials: 0,
    getCredentialsThrottled: 0,
    putRecordBatch: 0,
    putRecordBatchThrottled: 0,
    recordsAccepted: 0,
    recordsFailed: 0,
  };
  const throttled = options.onThrottle ?? (() => {});
  const accepted = options.onAccept ?? (() => {});
  let recordId = 0;

  const cognito = (buckets: TokenBucket[], region: number, now: number): boolean =>
    (buckets[region] as TokenBucket).tryTake(now, 1);

  return {
    counts,
    getId(region, now) {
      counts.getId++;
      if (cognito(getIdBuckets, region, now)) return;
      counts.getIdThrottled++;
      throttled('cognito', now);
      throw COGNITO_TOO_MANY_REQUESTS;
    },
    getCredentials(region, now) {
      counts.getCredentials++;
      if (cognito(credentialBuckets, region, now)) return;
      counts.getCredentialsThrottled++;
      throttled('cognito', now);
      throw COGNITO_TOO_MANY_REQUESTS;
    },
    putRecordBatch(stream, lines, now) {
      const buckets = streams.get(stream);
      if (!buckets) throw { name: 'ResourceNotFoundException', message: `Firehose ${stream} not found.` };
      counts.putRecordBatch++;
      let bytes = 0;
      for (const line of lines) bytes += line.length; // the SDK's records are ASCII JSON here: chars = bytes
      const admitted = takeAll(now, [
        [buckets.requests, 1],
        [buckets.records, lines.length],
        [buckets.bytes, bytes],
      ]);
      if (!admitted) {
        counts.putRecordBatchThrottled++;
        throttled('firehose', now);
        throw FIREHOSE_SLOW_DOWN;
      }
      // Near the quota some records fail inside a 200 answer, more the closer the stream is to it.
      const fill = buckets.requests.available(now) / buckets.requests.capacity;
      const failShare =
        quotas.nearQuota > 0
          ? Math.max(0, (quotas.nearQuota - fill) / quotas.nearQuota) * quotas.partialFailureShare
          : 0;
      return lines.map((line): RecordResult => {
        if (failShare > 0 && random() < failShare) {
          counts.recordsFailed++;
          return { ok: false, errorCode: 'ServiceUnavailableException', errorMessage: 'Slow down.' };
        }
        counts.recordsAccepted++;
        accepted(entryIndexOf(line), now);
        return { ok: true, recordId: String(recordId++) };
      });
    },
  };
}
