// Seeded randomness: the same seed gives the same world. Every draw about one entrant comes from that entrant's own
// generator (seed, index), so changing a quota changes what happens to people, never who they are.
import { createSeededRandom } from '@campaign-entry/emulator';

/** A source in [0, 1), as the SDK's `random` option takes. */
export type Random = () => number;

/** Mixes two 32-bit values into one (murmur3's finaliser), for deriving independent seeds. */
export function mixSeed(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32 (the emulator's seeded generator): small, fast and good enough for simulation draws. */
export const createRandom: (seed: number) => Random = createSeededRandom;

/** A generator for one purpose (`salt`) under the run's seed. */
export function streamOf(seed: number, salt: number): Random {
  return createRandom(mixSeed(seed, salt));
}

/** A log-normal draw with the given median and shape σ. */
export function logNormal(random: Random, median: number, sigma: number): number {
  // Box–Muller; 1 - u keeps the logarithm finite.
  const u = 1 - random();
  const v = random();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return median * Math.exp(sigma * normal);
}

/** A uniform draw in [min, max). */
export function uniform(random: Random, min: number, max: number): number {
  return min + random() * (max - min);
}
