// The two time formats on the wire: SigV4's `X-Amz-Date` (basic ISO 8601, UTC) and HTTP's `Date` (RFC 7231).

/** `20270214T011203Z` for `ms` since the epoch. */
export function toAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Milliseconds since the epoch for `20270214T011203Z`, or `undefined` if it is not one. */
export function parseAmzDate(value: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, ...number[]];
  const ms = Date.UTC(year, (month ?? 1) - 1, day, hour, minute, second);
  return toAmzDate(ms) === value ? ms : undefined;
}

/** `Sun, 14 Feb 2027 01:12:03 GMT` for `ms` since the epoch. */
export function toHttpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
