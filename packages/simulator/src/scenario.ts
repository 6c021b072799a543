// The two worlds the simulator knows: a national broadcast, and `pnpm demo:burst`'s starved burst (for calibration).
import type { FieldName } from '@campaign-entry/sdk';
import { type AwsQuotas, DEFAULT_AWS_QUOTAS } from './aws/quotas.js';
import { type ArrivalShape, HALFTIME_SPOT } from './world/arrivals.js';
import { type BehaviourMix, BROADCAST_BEHAVIOUR, BURST_BEHAVIOUR } from './world/behaviour.js';

/** A scenario's fixed parts. */
export interface Scenario {
  readonly arrivals: ArrivalShape;
  readonly behaviour: BehaviourMix;
  readonly fields: readonly FieldName[];
  /** Quotas before the caller's overrides. */
  readonly quotas: AwsQuotas;
  /** AWS's own time to answer a call, ms. */
  readonly serviceMs: number;
  /** Timer resolution, ms (see createVirtualTime). */
  readonly tickMs: number;
}

/** Scenario names. */
export const SCENARIOS = {
  /** A TV spot's halftime: spot-shaped arrivals, a mobile network mix, people who leave and come back. */
  broadcast: {
    arrivals: { kind: 'spot', curve: HALFTIME_SPOT },
    behaviour: BROADCAST_BEHAVIOUR,
    fields: ['name', 'email'],
    quotas: DEFAULT_AWS_QUOTAS,
    serviceMs: 25,
    tickMs: 10,
  },
  /**
   * `pnpm demo:burst` (demo/src/burst-run.ts) against the local emulator: arrivals even over the window, typing 3–10 s,
   * loopback, everyone waits for delivery; the emulator's quotas (fixed windows, no partial failures).
   */
  burst: {
    arrivals: { kind: 'uniform' },
    behaviour: BURST_BEHAVIOUR,
    fields: ['name', 'email', 'postal-code', 'birth-date'],
    quotas: {
      ...DEFAULT_AWS_QUOTAS,
      firehoseRequestsPerSecond: 15,
      getIdPerSecond: 60,
      partialFailureShare: 0,
      fixedWindows: true,
    },
    serviceMs: 2,
    tickMs: 1,
  },
} as const satisfies Record<string, Scenario>;

/** A name of {@link SCENARIOS}. */
export type ScenarioName = keyof typeof SCENARIOS;
