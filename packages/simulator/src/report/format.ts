// How the report's numbers read, in the summary and on the chart alike: en-US grouping, shares and durations.

/** A number with en-US thousands separators (12,345; fractions as they are). */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** A number rounded to a whole one, as {@link count} writes it (for per-second rates and axis labels). */
export function whole(value: number): string {
  return count(Math.round(value));
}

/** `part` as a percentage of `whole`, one decimal (`0 %` of nothing). */
export function pct(part: number, of: number): string {
  return of === 0 ? '0 %' : `${((100 * part) / of).toFixed(1)} %`;
}

/** Milliseconds as the largest sensible unit. */
export function duration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1_000).toFixed(1)} s`;
  if (ms < 7_200_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
