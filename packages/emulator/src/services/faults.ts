// Fault decisions, drawn from the seeded generator. A rate of 0 or 1 draws nothing, so switching one fault fully on or
// off does not shift the sequence the other faults see.
import { createSeededRandom } from './random.js';

/** Decides, request by request, whether an injected fault happens. */
export interface FaultDice {
  /** `true` with probability `rate` (0..1). */
  roll(rate: number): boolean;
  /** One of `choices`, uniformly. */
  pick<T>(choices: readonly [T, ...T[]]): T;
}

/** Builds {@link FaultDice} from a seed. */
export function createFaultDice(seed: number): FaultDice {
  const next = createSeededRandom(seed);
  return {
    roll(rate) {
      if (rate <= 0) return false;
      if (rate >= 1) return true;
      return next() < rate;
    },
    pick(choices) {
      return choices[Math.floor(next() * choices.length)] ?? choices[0];
    },
  };
}
