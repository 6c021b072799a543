// The phone's network: per-device round trip and loss drawn from a mobile mix, per-request jitter on top.
import { logNormal, type Random } from '../engine/random.js';

/** A kind of connection. */
export interface NetworkProfile {
  /** Share of entrants on it (the shares of a mix add up to 1). */
  readonly share: number;
  /** Median round trip to AWS, ms, across devices. */
  readonly rttMedianMs: number;
  /** Log-normal spread of devices' round trips. */
  readonly rttSigma: number;
  /** Chance that one request's connection fails (half before AWS sees it, half after: the answer is lost). */
  readonly loss: number;
}

/** Network mixes: a national broadcast (mostly at home), or the local loopback the calibration burst runs on. */
export const NETWORK_MIXES = {
  broadcast: {
    'congested stadium': { share: 0.15, rttMedianMs: 450, rttSigma: 0.8, loss: 0.06 },
    'home Wi-Fi': { share: 0.55, rttMedianMs: 45, rttSigma: 0.5, loss: 0.005 },
    '4G': { share: 0.3, rttMedianMs: 110, rttSigma: 0.6, loss: 0.02 },
  },
  loopback: {
    loopback: { share: 1, rttMedianMs: 4, rttSigma: 0.3, loss: 0 },
  },
} as const satisfies Record<string, Record<string, NetworkProfile>>;

/** A name of {@link NETWORK_MIXES}. */
export type NetworkMix = keyof typeof NETWORK_MIXES;

/** One device's connection. */
export interface DeviceNetwork {
  readonly profile: string;
  /** This device's median round trip, ms. */
  readonly rttMs: number;
  readonly loss: number;
}

/** Draws a device's connection from `mix`. */
export function drawNetwork(mix: NetworkMix, random: Random): DeviceNetwork {
  const profiles = Object.entries(NETWORK_MIXES[mix]) as [string, NetworkProfile][];
  let pick = random();
  let chosen = profiles[profiles.length - 1] as [string, NetworkProfile];
  for (const entry of profiles) {
    pick -= entry[1].share;
    if (pick < 0) {
      chosen = entry;
      break;
    }
  }
  const [profile, { rttMedianMs, rttSigma, loss }] = chosen;
  return { profile, rttMs: logNormal(random, rttMedianMs, rttSigma), loss };
}

/** One request's round trip on `network`: the device's median with ±30 % log-normal jitter, at least 1 ms. */
export function requestRtt(network: DeviceNetwork, random: Random): number {
  return Math.max(1, Math.round(logNormal(random, network.rttMs, 0.3)));
}
