// Counters for tests and a live dashboard: totals since the last reset plus a per-second history of the last few
// minutes (sparse: seconds with no traffic are absent).

/** Firehose counters of one stream. */
export interface StreamCounters {
  /** PutRecord/PutRecordBatch calls that reached the stream (throttled and failed ones included). */
  requests: number;
  /** Records accepted. */
  records: number;
  /** Bytes accepted (before base64). */
  bytes: number;
  /** Calls refused whole with `ServiceUnavailableException` (quota or injected throttling). */
  throttled: number;
  /** Records refused inside a 200 answer (`FailedPutCount`). */
  failedRecords: number;
  /** Calls answered with an injected 500/503. */
  serverErrors: number;
}

/** Cognito Identity counters. */
export interface CognitoCounters {
  /** `GetId` calls answered with an identity. */
  getId: number;
  /** `GetCredentialsForIdentity` calls answered with credentials. */
  getCredentials: number;
  /** Calls refused with `TooManyRequestsException`. */
  throttled: number;
}

/** Counters of one second. */
export interface SecondStats {
  /** The second, in seconds since the epoch (emulator clock). */
  second: number;
  /** Per stream. */
  streams: Record<string, StreamCounters>;
  /** Cognito. */
  cognito: CognitoCounters;
}

/** How many seconds of history are kept. */
export const HISTORY_SECONDS = 300;

/** A zeroed {@link StreamCounters}. */
export const emptyStreamCounters = (): StreamCounters => ({
  requests: 0,
  records: 0,
  bytes: 0,
  throttled: 0,
  failedRecords: 0,
  serverErrors: 0,
});

const emptyCognitoCounters = (): CognitoCounters => ({ getId: 0, getCredentials: 0, throttled: 0 });

function add<T extends object>(target: T, delta: Partial<T>): void {
  const counters = target as Record<string, number>;
  for (const [key, value] of Object.entries(delta as Record<string, number>))
    counters[key] = (counters[key] ?? 0) + value;
}

/** Collects counters. */
export interface StatsRecorder {
  /** Adds to a stream's counters at `nowMs`. */
  countStream(stream: string, nowMs: number, delta: Partial<StreamCounters>): void;
  /** Adds to Cognito's counters at `nowMs`. */
  countCognito(nowMs: number, delta: Partial<CognitoCounters>): void;
  /** Totals and the history of the last {@link HISTORY_SECONDS} seconds before `nowMs`, oldest first. */
  snapshot(nowMs: number): {
    streams: Record<string, StreamCounters>;
    cognito: CognitoCounters;
    history: SecondStats[];
  };
  /** Zeroes everything. */
  reset(): void;
}

/** Builds a {@link StatsRecorder} for the given streams. */
export function createStatsRecorder(streamNames: readonly string[]): StatsRecorder {
  const zeroStreams = () => Object.fromEntries(streamNames.map((name) => [name, emptyStreamCounters()]));
  let totals = { streams: zeroStreams(), cognito: emptyCognitoCounters() };
  let history = new Map<number, SecondStats>();

  const secondOf = (nowMs: number): SecondStats => {
    const second = Math.floor(nowMs / 1000);
    let sample = history.get(second);
    if (!sample) {
      sample = { second, streams: {}, cognito: emptyCognitoCounters() };
      history.set(second, sample);
      for (const old of history.keys()) if (old <= second - HISTORY_SECONDS) history.delete(old);
    }
    return sample;
  };

  return {
    countStream(stream, nowMs, delta) {
      const sample = secondOf(nowMs);
      sample.streams[stream] ??= emptyStreamCounters();
      add(sample.streams[stream], delta);
      totals.streams[stream] ??= emptyStreamCounters();
      add(totals.streams[stream], delta);
    },
    countCognito(nowMs, delta) {
      add(secondOf(nowMs).cognito, delta);
      add(totals.cognito, delta);
    },
    snapshot(nowMs) {
      const newest = Math.floor(nowMs / 1000);
      return structuredClone({
        streams: totals.streams,
        cognito: totals.cognito,
        history: [...history.values()]
          .filter((sample) => sample.second > newest - HISTORY_SECONDS && sample.second <= newest)
          .sort((a, b) => a.second - b.second),
      });
    },
    reset() {
      totals = { streams: zeroStreams(), cognito: emptyCognitoCounters() };
      history = new Map();
    },
  };
}
