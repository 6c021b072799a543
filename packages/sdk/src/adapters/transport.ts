// The one network operation delivery needs, behind an interface: the AWS SDK implements it in a lazily loaded chunk,
// tests and servers can pass their own.

/** Firehose's answer for one record of a PutRecordBatch, in request order. */
export type RecordResult =
  | { readonly ok: true; readonly recordId: string }
  | { readonly ok: false; readonly errorCode: string; readonly errorMessage: string };

/** Options for one call. */
export interface PutOptions {
  /** Send with `fetch(..., {keepalive: true})` so the request survives the page being unloaded (64 KiB budget). */
  readonly keepalive?: boolean;
}

/**
 * Sends records to Firehose. `putRecordBatch` resolves with one result per record, in order, or rejects for a
 * whole-call failure (throttled, network, credentials…) with the error as thrown by the AWS SDK or `fetch`.
 */
export interface FirehoseTransport {
  putRecordBatch(stream: string, lines: readonly string[], options?: PutOptions): Promise<RecordResult[]>;
  /** Gets credentials (and whatever else the first call needs) ready ahead of time. */
  prepare(): Promise<void>;
  /** Drops cached credentials (after they were refused). */
  invalidateCredentials(): void;
  /** Corrects signing for a device clock that is off: `serverTime` is AWS's clock, in ms since the epoch. */
  correctClock(serverTime: number): void;
}

/** What {@link createMemoryTransport} does with each call. */
export type MemoryTransportBehaviour = (
  stream: string,
  lines: readonly string[],
  call: number,
) => RecordResult[] | Promise<RecordResult[]>;

/** A {@link FirehoseTransport} that keeps what it accepted, for tests and for running without AWS. */
export interface MemoryTransport extends FirehoseTransport {
  /** Every record acknowledged, in order. */
  readonly accepted: { stream: string; line: string }[];
  /** Number of `putRecordBatch` calls made. */
  readonly calls: number;
}

/**
 * An in-memory twin of the AWS transport. By default it acknowledges everything; `behaviour` can return per-record
 * failures or throw to simulate whole-call failures.
 */
export function createMemoryTransport(behaviour?: MemoryTransportBehaviour): MemoryTransport {
  const accepted: { stream: string; line: string }[] = [];
  let calls = 0;
  let nextId = 0;
  return {
    accepted,
    get calls() {
      return calls;
    },
    async putRecordBatch(stream, lines) {
      calls++;
      const results = behaviour
        ? await behaviour(stream, lines, calls)
        : lines.map(() => ({ ok: true as const, recordId: String(nextId++) }));
      results.forEach((result, index) => {
        if (result.ok) accepted.push({ stream, line: lines[index] as string });
      });
      return results;
    },
    async prepare() {},
    invalidateCredentials() {},
    correctClock() {},
  };
}
