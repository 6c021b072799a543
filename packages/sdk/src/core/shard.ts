// Spreading entries over several delivery streams (each has its own 2,000 requests/s quota).

/** FNV-1a, 32-bit: a small, stable, well-spread hash for choosing a stream. */
export function fnv1a(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index++) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * The stream for an entry: chosen by hash of its `entryId` so load spreads evenly, moved to the next stream once per
 * `failovers` (times a stream throttled this entry). The `entryId` itself never changes.
 */
export function streamFor(entryId: string, streams: readonly string[], failovers = 0): string {
  if (streams.length === 0) throw new RangeError('At least one delivery stream is needed.');
  return streams[(fnv1a(entryId) + failovers) % streams.length] as string;
}
