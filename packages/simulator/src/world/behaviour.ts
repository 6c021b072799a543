// Who the entrants are and what they do: how long they type, whether they lose signal, when they close the page,
// whether and when they come back. Each entrant is drawn from its own generator, so the same seed gives the same
// people whatever the quotas.
import { logNormal, type Random, uniform } from '../engine/random.js';
import { type DeviceNetwork, drawNetwork, type NetworkMix } from './network.js';

/** When the entrant closes the page. Durations in ms. */
export type Leaving =
  /** As soon as the form answers ("You're in" or "saved, sending…"). */
  | { readonly kind: 'first-answer' }
  /** This long after tapping Submit, whatever the page says. */
  | { readonly kind: 'after'; readonly ms: number }
  /** When the entry is acknowledged, or after `ms` at the latest. */
  | { readonly kind: 'until-delivered'; readonly ms: number };

/** One later visit: how long after leaving, and how long the page stays open (or until delivered). */
export interface Return {
  readonly afterMs: number;
  readonly stayMs: number;
}

/** One entrant. */
export interface Entrant {
  /** Page open (the form is focused and credentials prefetched) to Submit, ms. */
  readonly typingMs: number;
  readonly network: DeviceNetwork;
  /** Identity region (pool) index. */
  readonly region: number;
  /** A loss of signal: from `fromMs` after the page opened, for `forMs`. */
  readonly offline: { readonly fromMs: number; readonly forMs: number } | undefined;
  readonly leaving: Leaving;
  /** Later visits, in order; used only while entries are still on the device. */
  readonly returns: readonly Return[];
}

/** The mix of behaviours. Shares are probabilities; durations ms. */
export interface BehaviourMix {
  readonly network: NetworkMix;
  /** Typing time: log-normal median and σ, clamped. */
  readonly typing: {
    readonly medianMs: number;
    readonly sigma: number;
    readonly minMs: number;
    readonly maxMs: number;
  };
  /** Uniform typing instead, as the calibration burst draws it. */
  readonly typingUniform?: readonly [number, number];
  readonly offlineShare: number;
  readonly offlineMedianMs: number;
  readonly leaveAtFirstAnswer: number;
  readonly leaveAfter: number;
  /** Median of the "after N seconds" stay. */
  readonly leaveAfterMedianMs: number;
  /** Longest anyone keeps the page open waiting for delivery. */
  readonly waitAtMostMs: number;
  /** Chance of coming back for the first, second, third later visit. */
  readonly returnChances: readonly number[];
  readonly returnMedianMs: number;
  readonly returnStayMedianMs: number;
}

/** A national broadcast audience. */
export const BROADCAST_BEHAVIOUR: BehaviourMix = {
  network: 'broadcast',
  typing: { medianMs: 20_000, sigma: 0.5, minMs: 5_000, maxMs: 180_000 },
  offlineShare: 0.02,
  offlineMedianMs: 240_000,
  leaveAtFirstAnswer: 0.5,
  leaveAfter: 0.35,
  leaveAfterMedianMs: 30_000,
  waitAtMostMs: 600_000,
  returnChances: [0.4, 0.3, 0.2],
  returnMedianMs: 1_800_000,
  returnStayMedianMs: 60_000,
};

/** `pnpm demo:burst`'s entrants: uniform typing 3–10 s, on loopback, waiting until delivered (300 s at most). */
export const BURST_BEHAVIOUR: BehaviourMix = {
  network: 'loopback',
  typing: { medianMs: 6_500, sigma: 0, minMs: 3_000, maxMs: 10_000 },
  typingUniform: [3_000, 10_000],
  offlineShare: 0,
  offlineMedianMs: 0,
  leaveAtFirstAnswer: 0,
  leaveAfter: 0,
  leaveAfterMedianMs: 0,
  waitAtMostMs: 300_000,
  returnChances: [],
  returnMedianMs: 0,
  returnStayMedianMs: 0,
};

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Draws one entrant from `mix` with its own generator. */
export function drawEntrant(mix: BehaviourMix, regions: number, random: Random): Entrant {
  const typingMs = mix.typingUniform
    ? uniform(random, mix.typingUniform[0], mix.typingUniform[1])
    : clamp(logNormal(random, mix.typing.medianMs, mix.typing.sigma), mix.typing.minMs, mix.typing.maxMs);
  const network = drawNetwork(mix.network, random);
  const region = Math.floor(random() * regions);
  const offline =
    random() < mix.offlineShare
      ? {
          fromMs: random() * typingMs,
          forMs: clamp(logNormal(random, mix.offlineMedianMs, 1), 10_000, 7_200_000),
        }
      : undefined;
  const pick = random();
  const leaving: Leaving =
    pick < mix.leaveAtFirstAnswer
      ? { kind: 'first-answer' }
      : pick < mix.leaveAtFirstAnswer + mix.leaveAfter
        ? { kind: 'after', ms: clamp(logNormal(random, mix.leaveAfterMedianMs, 1), 2_000, 1_200_000) }
        : { kind: 'until-delivered', ms: mix.waitAtMostMs };
  const returns: Return[] = [];
  for (const chance of mix.returnChances) {
    if (random() >= chance) break;
    returns.push({
      afterMs: clamp(logNormal(random, mix.returnMedianMs, 1.2), 60_000, 3 * 86_400_000),
      stayMs: clamp(logNormal(random, mix.returnStayMedianMs, 0.8), 5_000, 1_800_000),
    });
  }
  return { typingMs, network, region, offline, leaving, returns };
}
