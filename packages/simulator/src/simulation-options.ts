// What a simulation is asked to simulate (a module of its own: the run and its report both read it).
import type { RetryPolicy } from '@campaign-entry/sdk';
import type { AwsQuotas } from './aws/quotas.js';
import type { ScenarioName } from './scenario.js';

/** What to simulate. */
export interface SimulationOptions {
  readonly scenario: ScenarioName;
  readonly entrants: number;
  /** Arrivals happen in this window (the URL is on screen, then replayed), ms. */
  readonly windowMs: number;
  /** Delivery streams. */
  readonly streams: number;
  /** Identity pools, one per region. */
  readonly regions: number;
  /** Overrides of the scenario's quotas. */
  readonly quotas: Partial<AwsQuotas>;
  readonly seed: number;
  /** Typing time drawn uniformly from this range instead of the scenario's (ms), as `runBurst`'s `typingMs`. */
  readonly typingMs?: readonly [number, number] | undefined;
  /** The SDK's retry policy for every client (`createCampaignClient({ retry })`), over its defaults. */
  readonly retry?: Partial<RetryPolicy> | undefined;
}
