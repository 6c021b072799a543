// One rollup factory for every package (lit's rollup-common.js pattern): each package's `rollup.config.mjs` calls
// `createBundle(...)` with what differs. Browser bundles resolve the `browser` field and our `source` export condition
// (packages export their TypeScript under `source`), and the AWS SDK's `import ... from './package.json'` needs json().
import { brotliCompressSync, gzipSync } from 'node:zlib';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/**
 * Prints raw / gzip / brotli bytes of every emitted file, so each build shows what a phone will download.
 * @returns {import('rollup').Plugin}
 */
export function reportSizes() {
  return {
    name: 'report-sizes',
    generateBundle(_options, bundle) {
      const rows = [];
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        const code = Buffer.from(output.code);
        rows.push({
          file: fileName,
          raw: code.length,
          gzip: gzipSync(code, { level: 9 }).length,
          brotli: brotliCompressSync(code).length,
        });
      }
      for (const row of rows) {
        console.log(
          `  ${row.file.padEnd(34)} ${String(row.raw).padStart(8)} B raw ${String(row.gzip).padStart(7)} B gz ${String(row.brotli).padStart(7)} B br`,
        );
      }
    },
  };
}

/**
 * Builds one rollup configuration.
 * @param {object} options
 * @param {Record<string, string> | string} options.input entry module(s)
 * @param {string} options.dir output directory
 * @param {'browser' | 'node'} [options.platform] `browser` resolves browser fields and minifies; `node` keeps deps external
 * @param {string} [options.entryFileNames] output name pattern for entries @default '[name].js'
 * @param {string} [options.chunkFileNames] output name pattern for lazy chunks @default '[name]-[hash].js'
 * @param {(id: string) => boolean} [options.external] modules left as imports
 * @param {boolean} [options.minify] @default platform === 'browser'
 * @returns {import('rollup').RollupOptions}
 */
export function createBundle({
  input,
  dir,
  platform = 'browser',
  entryFileNames = '[name].js',
  chunkFileNames = '[name]-[hash].js',
  external,
  minify = platform === 'browser',
}) {
  const browser = platform === 'browser';
  return {
    input,
    external,
    plugins: [
      nodeResolve({
        browser,
        exportConditions: browser
          ? ['source', 'browser', 'module', 'import', 'default']
          : ['source', 'node', 'import', 'default'],
        extensions: ['.ts', '.mjs', '.js', '.json'],
        preferBuiltins: !browser,
      }),
      json({ preferConst: true }),
      esbuild({ target: 'es2022', tsconfig: new URL('./tsconfig.base.json', import.meta.url).pathname, minify: false }),
      ...(minify ? [terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } })] : []),
      reportSizes(),
    ],
    output: {
      dir,
      format: 'es',
      entryFileNames,
      chunkFileNames,
      sourcemap: true,
    },
    onwarn(warning, warn) {
      // The AWS SDK's dist-es uses `this` at module top level in tslib helpers; harmless in ES modules.
      if (warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  };
}
