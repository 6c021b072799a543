// Kinesis Data Firehose Direct PUT: PutRecordBatch, PutRecord, DescribeDeliveryStream and ListDeliveryStreams, with
// AWS's limits and error shapes. A call is checked in AWS's order — request shape and limits, stream, injected
// whole-call faults, per-stream quota — and then each record of a batch may fail on its own inside a 200 answer.

import { ACCOUNT_ID, DEFAULT_ERROR_PREFIX } from '../config/defaults.js';
import type { Faults, Quotas, ResolvedStream } from '../config/options.js';
import type { BufferedRecord } from '../delivery/buffered-record.js';
import { AwsServiceError } from './errors.js';
import type { FaultDice } from './faults.js';
import type { QuotaCounter } from './quotas.js';
import type { IdSource } from './random.js';
import type { StatsRecorder } from './stats.js';

/** `X-Amz-Target` prefix of Firehose calls. */
export const FIREHOSE_TARGET_PREFIX = 'Firehose_20150804.';

/** Most records in one PutRecordBatch. */
export const MAX_BATCH_RECORDS = 500;
/** Largest record, in bytes before base64 (1,000 KiB). */
export const MAX_RECORD_BYTES = 1000 * 1024;
/** Largest PutRecordBatch, in bytes of record data before base64 (4 MiB). */
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;

/** What the Firehose operations need. */
export interface FirehoseDeps {
  /** Region (for ARNs). */
  region: string;
  /** Delivery streams. */
  streams: readonly ResolvedStream[];
  /** Identifier source. */
  ids: IdSource;
  /** Settings in force at the time of a call. */
  settings: () => { quotas: Quotas; faults: Faults; bufferSizeBytes: number; bufferIntervalMs: number };
  /** Fault decisions. */
  dice: FaultDice;
  /** Per-second quota usage. */
  quota: QuotaCounter<'requests' | 'records' | 'bytes'>;
  /** Counters. */
  stats: StatsRecorder;
  /** Takes the records a call accepted (in order). */
  accept: (stream: string, records: BufferedRecord[]) => void;
  /** When the streams were created, in milliseconds since the epoch. */
  createdAt: number;
}

/** The Firehose endpoint. */
export interface Firehose {
  /** Runs `operation` (the part of `X-Amz-Target` after the prefix). Throws {@link AwsServiceError}. */
  call(operation: string, input: Record<string, unknown>, now: number): unknown;
}

const SLOW_DOWN = 'Slow down.';
/** The two ways AWS fails one record of a batch. */
const RECORD_FAILURES: readonly [
  { ErrorCode: string; ErrorMessage: string },
  ...{ ErrorCode: string; ErrorMessage: string }[],
] = [
  { ErrorCode: 'ServiceUnavailableException', ErrorMessage: SLOW_DOWN },
  { ErrorCode: 'InternalFailure', ErrorMessage: 'Internal service failure.' },
];

const validation = (message: string) => new AwsServiceError('InvalidArgumentException', message);

/** `Uint8Array.fromBase64` (native, one call per record) where the engine has it; `atob` and a loop elsewhere. */
const fromBase64 = (Uint8Array as { fromBase64?: (text: string) => Uint8Array }).fromBase64?.bind(Uint8Array);

function decodeBase64(value: unknown, path: string): Uint8Array {
  if (typeof value !== 'string') {
    throw validation(
      `1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`,
    );
  }
  try {
    if (fromBase64) return fromBase64(value);
    const binary = atob(value);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
    return bytes;
  } catch {
    throw new AwsServiceError('SerializationException', `Value at '${path}' is not valid base64.`);
  }
}

function decodeRecords(input: Record<string, unknown>): Uint8Array[] {
  const records = input.Records;
  if (!Array.isArray(records)) {
    throw validation(
      `1 validation error detected: Value null at 'records' failed to satisfy constraint: Member must not be null`,
    );
  }
  if (records.length < 1 || records.length > MAX_BATCH_RECORDS) {
    const bound = records.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_BATCH_RECORDS}`;
    throw validation(
      `1 validation error detected: Value at 'records' failed to satisfy constraint: Member must have length ${bound}`,
    );
  }
  return records.map((record, index) => decodeRecord(record, `records.${index + 1}.member.data`));
}

function decodeRecord(record: unknown, path: string): Uint8Array {
  const data = decodeBase64((record as { Data?: unknown } | null)?.Data, path);
  if (data.byteLength > MAX_RECORD_BYTES) {
    throw validation(
      `1 validation error detected: Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${MAX_RECORD_BYTES}`,
    );
  }
  return data;
}

/** Builds the Firehose endpoint. */
export function createFirehose(deps: FirehoseDeps): Firehose {
  const streamNamed = (input: Record<string, unknown>): ResolvedStream => {
    const name = input.DeliveryStreamName;
    if (typeof name !== 'string' || name.length === 0) {
      throw validation(
        `1 validation error detected: Value null at 'deliveryStreamName' failed to satisfy constraint: Member must not be null`,
      );
    }
    const stream = deps.streams.find((candidate) => candidate.name === name);
    if (!stream)
      throw new AwsServiceError('ResourceNotFoundException', `Firehose ${name} under account ${ACCOUNT_ID} not found.`);
    return stream;
  };

  /** Whole-call faults and the quota; throws when the call is refused. */
  const admit = (stream: string, records: readonly Uint8Array[], now: number) => {
    const { faults, quotas } = deps.settings();
    const bytes = records.reduce((sum, record) => sum + record.byteLength, 0);
    deps.stats.countStream(stream, now, { requests: 1 });
    if (deps.dice.roll(faults.throttleRate)) {
      deps.stats.countStream(stream, now, { throttled: 1 });
      throw new AwsServiceError('ServiceUnavailableException', SLOW_DOWN);
    }
    if (deps.dice.roll(faults.serverErrorRate)) {
      deps.stats.countStream(stream, now, { serverErrors: 1 });
      throw deps.dice.pick([
        new AwsServiceError('InternalFailure', 'We encountered an internal error. Please try again.'),
        new AwsServiceError('ServiceUnavailable', 'Service is unable to handle request.'),
      ]);
    }
    const cost = { requests: 1, records: records.length, bytes };
    const limits = {
      requests: quotas.requestsPerSecond,
      records: quotas.recordsPerSecond,
      bytes: quotas.bytesPerSecond,
    };
    if (!deps.quota.tryConsume(stream, now, cost, limits)) {
      deps.stats.countStream(stream, now, { throttled: 1 });
      throw new AwsServiceError('ServiceUnavailableException', SLOW_DOWN);
    }
  };

  const keep = (data: Uint8Array, now: number): BufferedRecord => ({
    recordId: deps.ids.recordId(),
    data,
    arrivedAt: now,
  });

  const finish = (stream: string, accepted: BufferedRecord[], failed: number, now: number) => {
    const bytes = accepted.reduce((sum, record) => sum + record.data.byteLength, 0);
    deps.stats.countStream(stream, now, { records: accepted.length, bytes, failedRecords: failed });
    deps.accept(stream, accepted);
  };

  const putRecordBatch = (input: Record<string, unknown>, now: number) => {
    const records = decodeRecords(input);
    if (records.reduce((sum, record) => sum + record.byteLength, 0) > MAX_BATCH_BYTES) {
      throw validation('Records size exceeds 4 MB limit');
    }
    const stream = streamNamed(input).name;
    admit(stream, records, now);
    const { recordFailureRate } = deps.settings().faults;
    const accepted: BufferedRecord[] = [];
    const responses = records.map((data) => {
      if (deps.dice.roll(recordFailureRate)) return { ...deps.dice.pick(RECORD_FAILURES) };
      const record = keep(data, now);
      accepted.push(record);
      return { RecordId: record.recordId };
    });
    finish(stream, accepted, records.length - accepted.length, now);
    return { FailedPutCount: records.length - accepted.length, Encrypted: false, RequestResponses: responses };
  };

  const putRecord = (input: Record<string, unknown>, now: number) => {
    const data = decodeRecord((input as { Record?: unknown }).Record, 'record.data');
    const stream = streamNamed(input).name;
    admit(stream, [data], now);
    // PutRecord has no per-record answer: a failing record fails the call.
    if (deps.dice.roll(deps.settings().faults.recordFailureRate)) {
      finish(stream, [], 1, now);
      throw new AwsServiceError('ServiceUnavailableException', SLOW_DOWN);
    }
    const record = keep(data, now);
    finish(stream, [record], 0, now);
    return { RecordId: record.recordId, Encrypted: false };
  };

  const describe = (input: Record<string, unknown>) => {
    const stream = streamNamed(input);
    const { bufferSizeBytes, bufferIntervalMs } = deps.settings();
    return {
      DeliveryStreamDescription: {
        DeliveryStreamName: stream.name,
        DeliveryStreamARN: `arn:aws:firehose:${deps.region}:${ACCOUNT_ID}:deliverystream/${stream.name}`,
        DeliveryStreamStatus: 'ACTIVE',
        DeliveryStreamType: 'DirectPut',
        DeliveryStreamEncryptionConfiguration: { Status: 'DISABLED' },
        VersionId: '1',
        CreateTimestamp: deps.createdAt / 1000,
        Destinations: [
          {
            DestinationId: 'destinationId-000000000001',
            ExtendedS3DestinationDescription: {
              RoleARN: `arn:aws:iam::${ACCOUNT_ID}:role/firehose-delivery`,
              BucketARN: `arn:aws:s3:::${stream.bucket}`,
              Prefix: stream.prefix,
              ErrorOutputPrefix: stream.errorPrefix ?? DEFAULT_ERROR_PREFIX,
              BufferingHints: {
                SizeInMBs: bufferSizeBytes / (1024 * 1024),
                IntervalInSeconds: bufferIntervalMs / 1000,
              },
              CompressionFormat: 'GZIP',
              EncryptionConfiguration: { NoEncryptionConfig: 'NoEncryption' },
              S3BackupMode: 'Disabled',
            },
          },
        ],
        HasMoreDestinations: false,
      },
    };
  };

  return {
    call(operation, input, now) {
      switch (operation) {
        case 'PutRecordBatch':
          return putRecordBatch(input, now);
        case 'PutRecord':
          return putRecord(input, now);
        case 'DescribeDeliveryStream':
          return describe(input);
        case 'ListDeliveryStreams':
          return { DeliveryStreamNames: deps.streams.map((stream) => stream.name), HasMoreDeliveryStreams: false };
        default:
          throw new AwsServiceError(
            'UnknownOperationException',
            `${FIREHOSE_TARGET_PREFIX}${operation} is not emulated (PutRecordBatch, PutRecord, DescribeDeliveryStream and ListDeliveryStreams are).`,
          );
      }
    },
  };
}
