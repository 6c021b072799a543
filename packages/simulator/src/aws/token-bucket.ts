// A token bucket: a quota of `rate` per second that may be spent in bursts of up to `capacity`. AWS documents its
// request-rate quotas per second and enforces them with buckets of about one second's worth.

/** One measured quota. */
export interface TokenBucket {
  /** Tokens available at `now` (after refilling). */
  available(now: number): number;
  /** Capacity (the most that can be spent at once). */
  readonly capacity: number;
  /** Takes `amount` tokens at `now` when there are enough; otherwise takes nothing. */
  tryTake(now: number, amount: number): boolean;
}

/**
 * Creates a full bucket refilling at `ratePerSecond`, holding at most `burstSeconds` of it (and at least one call).
 * An infinite rate never refuses.
 */
export function createTokenBucket(ratePerSecond: number, burstSeconds = 1, start = 0): TokenBucket {
  // At least one token: a quota scaled below one call per burst must still admit calls, one at a time.
  const capacity = Math.max(1, ratePerSecond * burstSeconds);
  let tokens = capacity;
  let last = start;
  const refill = (now: number) => {
    if (now > last) {
      tokens = Math.min(capacity, tokens + ((now - last) / 1000) * ratePerSecond);
      last = now;
    }
  };
  return {
    capacity,
    available(now) {
      if (!Number.isFinite(ratePerSecond)) return Number.POSITIVE_INFINITY;
      refill(now);
      return tokens;
    },
    tryTake(now, amount) {
      if (!Number.isFinite(ratePerSecond)) return true;
      refill(now);
      if (tokens < amount) return false;
      tokens -= amount;
      return true;
    },
  };
}

/**
 * A quota counted in fixed one-second windows (as the local emulator counts them, packages/emulator quotas.ts): up to
 * `ratePerSecond` per calendar second, then nothing until the next one. For calibrating against the emulator.
 * `phaseMs`: where the seconds start relative to the run's start (a real run starts anywhere in a second).
 */
export function createSecondWindow(ratePerSecond: number, phaseMs = 0): TokenBucket {
  let second = Number.NaN;
  let used = 0;
  const roll = (now: number) => {
    const current = Math.floor((now - phaseMs) / 1000);
    if (current !== second) {
      second = current;
      used = 0;
    }
  };
  return {
    capacity: ratePerSecond,
    available(now) {
      roll(now);
      return ratePerSecond - used;
    },
    tryTake(now, amount) {
      roll(now);
      if (used + amount > ratePerSecond) return false;
      used += amount;
      return true;
    },
  };
}

/** Takes from every bucket or from none: a call over any one measure is refused whole and consumes nothing. */
export function takeAll(now: number, takes: readonly (readonly [TokenBucket, number])[]): boolean {
  if (takes.some(([bucket, amount]) => bucket.available(now) < amount)) return false;
  for (const [bucket, amount] of takes) bucket.tryTake(now, amount);
  return true;
}
