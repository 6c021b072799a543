// The run's answer as one JSON-able object: what happened to the entries, how long "You're in" took, what AWS saw,
// and what it costs (infra-notes' cost model).
import { estimateCost } from '@campaign-entry/infra-notes/cost-model';
import type { AwsQuotas } from '../aws/quotas.js';
import type { AwsCounts } from '../aws/simulated-aws.js';
import type { SimulationOptions } from '../simulation-options.js';
import { Receipt, type Recorder } from './recorder.js';

/** Percentiles of time from Submit to acknowledgement, ms. */
export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** What a simulation found. Deterministic: same options, same report. */
export interface SimulationReport {
  readonly scenario: string;
  readonly seed: number;
  readonly entrants: number;
  readonly minutes: number;
  readonly streams: number;
  readonly regions: number;
  readonly quotas: AwsQuotas;
  /** Entries removed from their device after Firehose acknowledged them. */
  readonly acknowledged: number;
  /** Entries gone for good: neither acknowledged nor on a device. Must be 0. */
  readonly lost: number;
  /** Entries still on a device at the end whose owner never came back. */
  readonly stranded: number;
  /** Of the stranded, how many AWS did receive (the page closed before the answer came back). */
  readonly strandedButReceived: number;
  /** Records AWS accepted more than once (same entryId; removed downstream). */
  readonly duplicates: number;
  /** Entrants whose form said "You're in" (acknowledged within the SDK's 3 s receipt timeout). */
  readonly youreInWithin3s: number;
  /** Acknowledged within one minute of Submit. */
  readonly acknowledgedWithin60s: number;
  readonly ackMs: Percentiles;
  readonly throttles: {
    readonly firehoseCalls: number;
    readonly firehoseRecords: number;
    readonly getId: number;
    readonly getCredentials: number;
  };
  /** Retry decisions the SDK made (`retrying` events, one per failed batch). */
  readonly retries: number;
  readonly awsRequests: { readonly getId: number; readonly getCredentials: number; readonly putRecordBatch: number };
  /** Later visits by owners whose entry was still on the device. */
  readonly returns: number;
  /** Virtual minutes from the first showing to the last acknowledgement or stranding. */
  readonly simulatedMinutes: number;
  /** The campaign's cost for the entries AWS received (infra-notes/src/models/cost-model.ts), USD. */
  readonly cost: { readonly usd: number; readonly entries: number };
}

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] as number;
}

/** {@link Percentiles} of ascending `sorted` values, rounded to whole ms (all 0 when there are none). */
function percentiles(sorted: Float64Array): Percentiles {
  return {
    p50: Math.round(percentile(sorted, 0.5)),
    p95: Math.round(percentile(sorted, 0.95)),
    p99: Math.round(percentile(sorted, 0.99)),
    max: Math.round(sorted.at(-1) ?? 0),
  };
}

/** Builds the report from what the recorder and AWS counted. */
export function buildReport(input: {
  readonly options: SimulationOptions;
  readonly quotas: AwsQuotas;
  readonly recorder: Recorder;
  readonly counts: AwsCounts;
  readonly endedAt: number;
  readonly start: number;
}): SimulationReport {
  const { options, recorder, counts } = input;
  const entrants = options.entrants;
  const latencies: number[] = [];
  let stranded = 0;
  let strandedButReceived = 0;
  let duplicates = 0;
  let received = 0;
  let lost = 0;
  let youreIn = 0;
  for (let index = 0; index < entrants; index++) {
    const acknowledgedAt = recorder.acknowledgedAt[index] as number;
    const accepted = recorder.accepted[index] as number;
    if (accepted > 0) received++;
    if (accepted > 1) duplicates += accepted - 1;
    if (recorder.receipts[index] === Receipt.Delivered) youreIn++;
    if (!Number.isNaN(acknowledgedAt)) latencies.push(acknowledgedAt - (recorder.submittedAt[index] as number));
    else if (recorder.stranded[index] === 1) {
      stranded++;
      if (accepted > 0) strandedButReceived++;
    } else lost++;
  }
  const sorted = Float64Array.from(latencies).sort();
  return {
    scenario: options.scenario,
    seed: options.seed,
    entrants,
    minutes: options.windowMs / 60_000,
    streams: options.streams,
    regions: options.regions,
    quotas: input.quotas,
    acknowledged: latencies.length,
    lost,
    stranded,
    strandedButReceived,
    duplicates,
    youreInWithin3s: youreIn,
    acknowledgedWithin60s: latencies.filter((ms) => ms <= 60_000).length,
    ackMs: percentiles(sorted),
    throttles: {
      firehoseCalls: counts.putRecordBatchThrottled,
      firehoseRecords: counts.recordsFailed,
      getId: counts.getIdThrottled,
      getCredentials: counts.getCredentialsThrottled,
    },
    retries: recorder.retries,
    awsRequests: { getId: counts.getId, getCredentials: counts.getCredentials, putRecordBatch: counts.putRecordBatch },
    returns: recorder.returns,
    simulatedMinutes: Math.round(((recorder.lastEventAt - input.start) / 60_000) * 10) / 10,
    cost: { usd: Math.round(estimateCost(received).total * 100) / 100, entries: received },
  };
}
