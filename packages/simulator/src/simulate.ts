// runSimulation: builds the world (virtual time, simulated AWS, entrants) and runs it until every device is done.

import type { AwsQuotas } from './aws/quotas.js';
import { createSimulatedAws } from './aws/simulated-aws.js';
import { createRandom, mixSeed, streamOf } from './engine/random.js';
import { createVirtualTime } from './engine/virtual-time.js';
import { Recorder, type Series } from './report/recorder.js';
import { buildReport, type SimulationReport } from './report/report.js';
import { SCENARIOS } from './scenario.js';
import type { SimulationOptions } from './simulation-options.js';
import { drawArrivals } from './world/arrivals.js';
import { drawEntrant } from './world/behaviour.js';
import { type DeviceWorld, startDevice } from './world/device.js';

/** A finished run: the report, and the time series behind the chart. */
export interface SimulationRun {
  readonly report: SimulationReport;
  readonly series: Series;
}

/** Virtual time starts at the first showing of the URL: halftime, Super Bowl Sunday 2027. */
export const START = Date.UTC(2027, 1, 15, 0, 30, 0);
// Nothing a run models lasts longer (the SDK keeps entries 7 days; the last return is at most 9 days later).
const GIVE_UP_MS = 14 * 86_400_000;

/** Salts for the run's independent random sources. */
const SALT = { arrivals: 1, aws: 2, network: 3, sdk: 4, entrants: 5 } as const;

/** Runs one simulation. Same options, same result. */
export async function runSimulation(options: SimulationOptions): Promise<SimulationRun> {
  const base = SCENARIOS[options.scenario];
  const scenario = options.typingMs
    ? { ...base, behaviour: { ...base.behaviour, typingUniform: options.typingMs } }
    : base;
  const quotas: AwsQuotas = { ...scenario.quotas, ...options.quotas };
  const time = createVirtualTime(START, scenario.tickMs);
  const horizonMs = Math.max(options.windowMs * 2, options.windowMs + 15 * 60_000);
  const recorder = new Recorder(options.entrants, START, Math.max(1000, Math.round(horizonMs / 360)), horizonMs);
  const streams = Array.from({ length: options.streams }, (_, index) => `entries-${index}`);
  const aws = createSimulatedAws({
    quotas,
    streams,
    regions: options.regions,
    start: START,
    random: streamOf(options.seed, SALT.aws),
    onThrottle: (service, now) => recorder.throttled(service, now),
    onAccept: (index) => recorder.acceptedByAws(index),
  });
  const world: DeviceWorld = {
    time,
    aws,
    random: streamOf(options.seed, SALT.network),
    serviceMs: scenario.serviceMs,
    recorder,
    streams,
    campaignId: 'halftime-simulation',
    fields: scenario.fields,
    sdkRandom: streamOf(options.seed, SALT.sdk),
    retry: options.retry,
  };
  const arrivals = drawArrivals(
    options.entrants,
    options.windowMs,
    scenario.arrivals,
    streamOf(options.seed, SALT.arrivals),
  );
  // One arrival event at a time keeps the queue small: each arrival schedules the next.
  const arrive = (index: number) => {
    const random = createRandom(mixSeed(mixSeed(options.seed, SALT.entrants), index));
    startDevice(world, index, drawEntrant(scenario.behaviour, options.regions, random), random);
    const next = index + 1;
    if (next < options.entrants) time.at(START + (arrivals[next] as number) - time.now(), () => arrive(next));
  };
  if (options.entrants > 0) time.at(arrivals[0] as number, () => arrive(0));
  await time.run(START + GIVE_UP_MS);
  return {
    report: buildReport({ options, quotas, recorder, counts: aws.counts, endedAt: time.now(), start: START }),
    series: recorder.series,
  };
}
