// How big a built file is for a download: the one definition every size report and budget in the repository uses
// (the widget's budgets in packages/widget/scripts/sizes.mjs, each build's table from rollup.config.mjs, the bench, the
// consumer test). gzip at level 9, brotli at quality 11 (what a CDN serves precompressed), 1 KB = 1,000 B.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parseAst } from 'rollup/parseAst';

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

/**
 * The relative files an ES module imports (`./x.js`, `../y.js`), statically and dynamically: what loads with it and what
 * it may load later, for counting a critical path.
 * @param {string} code
 * @returns {{ static: string[], dynamic: string[] }}
 */
export function importsOf(code) {
  const found = { static: new Set(), dynamic: new Set() };
  const visit = (node) => {
    if (node?.type === 'ImportExpression' && node.source.type === 'Literal') found.dynamic.add(node.source.value);
    else if (/^(?:Import|ExportNamed|ExportAll)Declaration$/u.test(node?.type ?? '') && node.source) {
      found.static.add(node.source.value);
    }
    for (const value of Object.values(node ?? {})) {
      if (Array.isArray(value)) for (const item of value) visit(item);
      else if (typeof value?.type === 'string') visit(value);
    }
  };
  visit(parseAst(code));
  const local = (specifiers) => [...specifiers].filter((s) => /^\.\.?\//u.test(s));
  return { static: local(found.static), dynamic: local(found.dynamic) };
}
