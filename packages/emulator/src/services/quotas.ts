// Per-second quotas, counted in fixed one-second windows of the emulator's clock (so tests move the clock rather than
// wait). A call that would push any measure over its limit is refused whole and consumes nothing, as a throttled
// call does on AWS.

/** What one call costs, per measure (e.g. `{ requests: 1, records: 500, bytes: 12_000 }`). */
export type Cost<Measure extends string> = Record<Measure, number>;

/** Counts usage per key (a stream name, `cognito:GetId`, …) in the current second. */
export interface QuotaCounter<Measure extends string> {
  /**
   * Consumes `cost` under `key` if every measure stays within `limits` in the second holding `nowMs`.
   * @returns `true` when allowed (and counted), `false` when the call must be throttled (nothing counted)
   */
  tryConsume(key: string, nowMs: number, cost: Cost<Measure>, limits: Cost<Measure>): boolean;
  /** Forgets all usage. */
  reset(): void;
}

/** Builds a {@link QuotaCounter}. */
export function createQuotaCounter<Measure extends string>(): QuotaCounter<Measure> {
  const windows = new Map<string, { second: number; used: Partial<Cost<Measure>> }>();
  return {
    tryConsume(key, nowMs, cost, limits) {
      const second = Math.floor(nowMs / 1000);
      let window = windows.get(key);
      // Calls are stamped on arrival and counted after an await (signature checks), so one stamped in the last second
      // can be counted after the next second's first: it counts in the newer window. Starting its old second afresh
      // would hand that second a second allowance at every boundary (a starved burst got ~1.5× its quota).
      if (!window || second > window.second) {
        window = { second, used: {} };
        windows.set(key, window);
      }
      const measures = Object.keys(cost) as Measure[];
      if (measures.some((measure) => (window.used[measure] ?? 0) + cost[measure] > limits[measure])) return false;
      for (const measure of measures) window.used[measure] = (window.used[measure] ?? 0) + cost[measure];
      return true;
    },
    reset() {
      windows.clear();
    },
  };
}
