// Test support: records as the SDK writes them and Firehose invocations in the shape Firehose sends (Direct PUT: no
// kinesisRecordMetadata). Not published.
import { Buffer } from 'node:buffer';
import type { FirehoseTransformEvent } from '../contract.js';

/** 2027-02-14T01:12:03.512Z: the reference story's halftime. */
export const HALFTIME = Date.UTC(2027, 1, 14, 1, 12, 3, 512);

/** A record as `createRecord` + `encodeRecord` make it, with overrides (any value, to build broken ones). */
export function entryRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: 1,
    entryId: '3f2b8a4e-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
    campaignId: 'loungebeer-sb',
    submittedAt: new Date(HALFTIME).toISOString(),
    fields: { name: 'Ada Lovelace', email: 'ada@example.com' },
    consent: { rules: true, marketing: false },
    meta: { locale: 'en', sdk: '0.1.0', fillMs: 14230, suspect: false },
    ...overrides,
  };
}

/** The bytes the SDK would send for a record: JSON and a newline. */
export const line = (record: Record<string, unknown>) => `${JSON.stringify(record)}\n`;

/** Firehose's record ids are long opaque strings; these look like them and are unique per index. */
export const recordIdOf = (index: number) =>
  `49546986683135544286507457936321625675700192471156785${String(index).padStart(3, '0')}`;

/** An invocation carrying `payloads` (strings are UTF-8 encoded), each arriving at `arrivedAt`. */
export function firehoseEvent(
  payloads: readonly (string | Uint8Array)[],
  arrivedAt = HALFTIME + 900,
): FirehoseTransformEvent {
  return {
    invocationId: '6d2b5c1e-7f3a-4b8c-9d0e-1f2a3b4c5d6e',
    deliveryStreamArn: 'arn:aws:firehose:us-east-1:111122223333:deliverystream/loungebeer-sb-prod-entries-0',
    region: 'us-east-1',
    records: payloads.map((payload, index) => ({
      recordId: recordIdOf(index),
      approximateArrivalTimestamp: arrivedAt,
      data: Buffer.from(payload).toString('base64'),
    })),
  };
}

/** The decoded text of an answer's data. */
export const textOf = (data: string) => Buffer.from(data, 'base64').toString('utf8');
