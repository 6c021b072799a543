// When pages open: a TV spot's curve. The URL's first showing brings a spike that builds over seconds (people reach
// for their phones) and decays over a minute or two; the replay later brings a second, smaller one; a trickle runs
// throughout. Or, for the calibration burst, arrivals spread evenly over a window.
import type { Random } from '../engine/random.js';

/** The shape of a TV spot's arrivals. Times in ms from the first showing. */
export interface SpotCurve {
  /** Share of arrivals in the first spike. */
  readonly firstShare: number;
  /** Share in the replay's spike. */
  readonly replayShare: number;
  /** When the replay airs, as a fraction of the window. */
  readonly replayAt: number;
  /** Time for a spike to build (exponential rise). */
  readonly riseMs: number;
  /** Time for a spike to decay (exponential). */
  readonly decayMs: number;
}

/** The default halftime spot: 55 % at the first showing, 30 % at the replay 60 % through, 15 % trickle. */
export const HALFTIME_SPOT: SpotCurve = {
  firstShare: 0.55,
  replayShare: 0.3,
  replayAt: 0.6,
  riseMs: 8_000,
  decayMs: 60_000,
};

const spike = (t: number, curve: SpotCurve) =>
  t <= 0 ? 0 : (1 - Math.exp(-t / curve.riseMs)) * Math.exp(-t / curve.decayMs);

/** How arrivals are spread: a TV spot, or evenly. */
export type ArrivalShape = { readonly kind: 'spot'; readonly curve: SpotCurve } | { readonly kind: 'uniform' };

const BIN_MS = 100;

/**
 * Draws `count` arrival times in [0, windowMs), sorted, from `shape`'s density (inverse transform sampling over
 * 100 ms bins). Returned as a typed array: a million arrivals take 8 MB.
 */
export function drawArrivals(count: number, windowMs: number, shape: ArrivalShape, random: Random): Float64Array {
  const times = new Float64Array(count);
  if (shape.kind === 'uniform') {
    for (let index = 0; index < count; index++) times[index] = random() * windowMs;
    return times.sort();
  }
  const { curve } = shape;
  const bins = Math.max(1, Math.ceil(windowMs / BIN_MS));
  const density = new Float64Array(bins);
  let firstMass = 0;
  let replayMass = 0;
  for (let bin = 0; bin < bins; bin++) {
    const t = (bin + 0.5) * BIN_MS;
    firstMass += spike(t, curve);
    replayMass += spike(t - curve.replayAt * windowMs, curve);
  }
  const trickle = 1 - curve.firstShare - curve.replayShare;
  const cumulative = new Float64Array(bins);
  let total = 0;
  for (let bin = 0; bin < bins; bin++) {
    const t = (bin + 0.5) * BIN_MS;
    density[bin] =
      (curve.firstShare * spike(t, curve)) / (firstMass || 1) +
      (curve.replayShare * spike(t - curve.replayAt * windowMs, curve)) / (replayMass || 1) +
      trickle / bins;
    total += density[bin] as number;
    cumulative[bin] = total;
  }
  for (let index = 0; index < count; index++) {
    const target = random() * total;
    let low = 0;
    let high = bins - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    times[index] = Math.min(windowMs - 1e-6, (low + random()) * BIN_MS);
  }
  return times.sort();
}
