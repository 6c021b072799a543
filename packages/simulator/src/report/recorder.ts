// What happened to every entrant and to the world over time, in typed arrays: a million entrants cost a few MB.

/** Time series binned over the start of the run, for the chart. */
export interface Series {
  readonly binMs: number;
  /** Pages opened per bin. */
  readonly arrivals: Float64Array;
  /** Entries acknowledged per bin (removed from the device after Firehose acknowledged them). */
  readonly acknowledgements: Float64Array;
  /** Entries saved per bin (Submit). */
  readonly submits: Float64Array;
  readonly firehoseThrottles: Float64Array;
  readonly cognitoThrottles: Float64Array;
}

/** The receipt the entrant saw first. */
export const Receipt = { None: 0, Delivered: 1, Queued: 2, Other: 3 } as const;
/** A value of {@link Receipt}. */
export type Receipt = (typeof Receipt)[keyof typeof Receipt];

/** Collects per-entrant outcomes and time series. */
export class Recorder {
  readonly submittedAt: Float64Array;
  /** When the entry left the device acknowledged; NaN while it has not. */
  readonly acknowledgedAt: Float64Array;
  /** Records AWS accepted per entry (more than 1: a duplicate, same entryId). */
  readonly accepted: Uint8Array;
  readonly receipts: Uint8Array;
  /** Entries left on a device whose owner never came back. */
  readonly stranded: Uint8Array;
  readonly series: Series;
  retries = 0;
  /** Entries removed from a device that AWS never accepted (expired unsent): must stay 0. */
  removedUnsent = 0;
  /** Later visits made by owners whose entry was still on the device. */
  returns = 0;
  /** Time of the last thing that happened to an entry. */
  lastEventAt = 0;
  readonly #start: number;

  constructor(entrants: number, start: number, binMs: number, horizonMs: number) {
    this.submittedAt = new Float64Array(entrants).fill(Number.NaN);
    this.acknowledgedAt = new Float64Array(entrants).fill(Number.NaN);
    this.accepted = new Uint8Array(entrants);
    this.receipts = new Uint8Array(entrants);
    this.stranded = new Uint8Array(entrants);
    const bins = Math.ceil(horizonMs / binMs);
    this.series = {
      binMs,
      arrivals: new Float64Array(bins),
      acknowledgements: new Float64Array(bins),
      submits: new Float64Array(bins),
      firehoseThrottles: new Float64Array(bins),
      cognitoThrottles: new Float64Array(bins),
    };
    this.#start = start;
  }

  #count(series: Float64Array, now: number): void {
    const bin = Math.floor((now - this.#start) / this.series.binMs);
    if (bin >= 0 && bin < series.length) series[bin] = (series[bin] as number) + 1;
  }

  arrived(now: number): void {
    this.#count(this.series.arrivals, now);
  }

  submitted(index: number, now: number): void {
    this.submittedAt[index] = now;
    this.#count(this.series.submits, now);
  }

  receipt(index: number, receipt: Receipt): void {
    this.receipts[index] = receipt;
  }

  /** AWS accepted a record of entry `index`. */
  acceptedByAws(index: number): void {
    const count = this.accepted[index] as number;
    if (count < 255) this.accepted[index] = count + 1;
  }

  /** The SDK removed entry `index` from its device: acknowledged if AWS has it, else it was lost. */
  removed(index: number, now: number): void {
    if ((this.accepted[index] as number) === 0) {
      this.removedUnsent++;
      return;
    }
    if (!Number.isNaN(this.acknowledgedAt[index] as number)) return;
    this.acknowledgedAt[index] = now;
    this.lastEventAt = Math.max(this.lastEventAt, now);
    this.#count(this.series.acknowledgements, now);
  }

  strand(index: number, now: number): void {
    this.stranded[index] = 1;
    this.lastEventAt = Math.max(this.lastEventAt, now);
  }

  throttled(service: 'firehose' | 'cognito', now: number): void {
    this.#count(service === 'firehose' ? this.series.firehoseThrottles : this.series.cognitoThrottles, now);
  }
}
