// Bundle sizes of the script-tag build, per file: raw, gzip and brotli (what a phone downloads from CloudFront), as
// scripts/bundle-size.mjs measures them for every budget.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from '../../scripts/bundle-size.mjs';

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
    .map((file) => ({ file, ...measure(readFileSync(join(dir, file))) }))
    .sort((a, b) => b.gzip - a.gzip);
}
