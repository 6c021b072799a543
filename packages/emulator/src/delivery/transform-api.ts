// The contract of a Firehose data-transformation function (what the stack's Lambda implements): the event it gets and
// the answer it gives. Types only, so options can name a transform without depending on the step that runs it.

/** One record of an invocation, as Firehose sends it (Direct PUT). */
export interface TransformEventRecord {
  /** Opaque id the answer must repeat. */
  recordId: string;
  /** Arrival time, ms since the epoch. */
  approximateArrivalTimestamp: number;
  /** The record's bytes, base64. */
  data: string;
}

/** What the function is called with. */
export interface TransformEvent {
  invocationId: string;
  deliveryStreamArn: string;
  region: string;
  records: TransformEventRecord[];
}

/** The function's answer for one record. */
export interface TransformResultRecord {
  recordId: string;
  result: 'Ok' | 'Dropped' | 'ProcessingFailed';
  /** base64; required for `Ok`. */
  data?: string;
}

/** The function's answer. */
export interface TransformResult {
  records: TransformResultRecord[];
}

/**
 * A data-transformation function, e.g. `@campaign-entry/firehose-transform`'s handler: what the stack's Lambda runs,
 * called here in-process.
 */
export type FirehoseTransform = (event: TransformEvent) => Promise<TransformResult>;
