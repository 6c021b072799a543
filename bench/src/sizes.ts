// Bundle sizes of the script-tag build, per file: raw, gzip -9 and brotli (what a phone downloads from CloudFront).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** One built file's sizes in bytes. */
export interface FileSize {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
}

/** Sizes of every `.js` file directly in `dir` (the widget's `dist/`), largest first. */
export function measureFiles(dir: string): FileSize[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const code = readFileSync(join(dir, file));
      return {
        file,
        raw: code.length,
        gzip: gzipSync(code, { level: 9 }).length,
        brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
}
