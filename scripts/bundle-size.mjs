// How big a built file is for a download: the one definition every size report and budget in the repository uses
// (the widget's budgets in packages/widget/scripts/sizes.mjs, each build's table from rollup.config.mjs, the bench, the
// consumer test). gzip at level 9, brotli at quality 11 (what a CDN serves precompressed), 1 KB = 1,000 B.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The gzip level budgets are counted at. */
export const GZIP_LEVEL = 9;

/** Bytes in a KB, as budgets count them. */
export const KB = 1000;

/**
 * A file's raw, gzip and brotli sizes in bytes.
 * @param {string | Uint8Array} code
 * @returns {{ raw: number, gzip: number, brotli: number }}
 */
export function measure(code) {
  const bytes = typeof code === 'string' ? Buffer.from(code) : code;
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: GZIP_LEVEL }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/**
 * Bytes as KB with two decimals, e.g. `11.80 KB`.
 * @param {number} bytes
 */
export function kb(bytes) {
  return `${(bytes / KB).toFixed(2)} KB`;
}
