// Firehose's object format here: GZIP of newline-delimited JSON, one record per line.
import { gunzipSync, gzipSync } from 'node:zlib';

/** The non-empty lines of a gzip NDJSON object. */
export function readGzipLines(body: Uint8Array): string[] {
  return gunzipSync(body)
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** A gzip NDJSON object of these lines, each ending with `\n`. */
export function writeGzipLines(lines: readonly string[]): Uint8Array {
  return new Uint8Array(gzipSync(lines.map((line) => `${line}\n`).join('')));
}
