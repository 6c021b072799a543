// One rollup factory for every package (lit's rollup-common.js pattern): each package's `rollup.config.mjs` calls
// `createBundle(...)` with what differs. Browser bundles resolve the `browser` field and our `source` export condition
// (packages export their TypeScript under `source`), and the AWS SDK's `import ... from './package.json'` needs json().
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { measure } from './scripts/bundle-size.mjs';

/**
 * Prints raw / gzip / brotli bytes of every emitted file (scripts/bundle-size.mjs), so each build shows what a phone
 * will download.
 * @returns {import('rollup').Plugin}
 */
export function reportSizes() {
  return {
    name: 'report-sizes',
    generateBundle(_options, bundle) {
      const rows = [];
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        rows.push({ file: fileName, ...measure(output.code) });
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
 * Applies packages' `browser` field maps to their own relative imports (e.g. the AWS SDK's
 * `./runtimeConfig` → `./runtimeConfig.browser`). node-resolve keys its map by the symlinked path, which pnpm's layout
 * never matches, and AWS SDK maps omit the `.js` extension; this does both right, from real paths.
 * @returns {import('rollup').Plugin}
 */
export function browserFieldMaps() {
  const manifests = new Map();
  const packageOf = (file) => {
    for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
      if (manifests.has(dir)) return manifests.get(dir);
      const path = join(dir, 'package.json');
      if (existsSync(path)) {
        const { browser } = JSON.parse(readFileSync(path, 'utf8'));
        const info = { root: dir, map: typeof browser === 'object' && browser !== null ? browser : undefined };
        manifests.set(dir, info);
        return info;
      }
    }
    return undefined;
  };
  const withJs = (path) => (existsSync(path) ? path : `${path}.js`);
  return {
    name: 'browser-field-maps',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || !importer.includes('node_modules')) return null;
      const info = packageOf(importer);
      if (!info?.map) return null;
      const target = resolve(dirname(importer), source);
      const key = `./${relative(info.root, target)}`.replace(/\\.js$/, '');
      const mapped = info.map[key] ?? info.map[`${key}.js`];
      if (mapped === undefined) return null;
      if (mapped === false) return { id: '\0browser-empty', moduleSideEffects: false };
      return withJs(resolve(info.root, mapped));
    },
    load(id) {
      return id === '\0browser-empty' ? 'export default {};' : null;
    },
  };
}

/**
 * `treeshake.moduleSideEffects` that reads each module's own `package.json` `sideEffects` field. node-resolve applies
 * that field only to bare imports (a package's entry); modules reached by relative imports inside a package would
 * otherwise all count as having side effects, which keeps code nothing uses (and ties never-loaded chunks to the
 * chunks that import their package). Modules of packages without the field keep their side effects.
 * @returns {(id: string) => boolean}
 */
export function packageSideEffects() {
  const manifests = new Map();
  const manifestOf = (file) => {
    for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
      if (manifests.has(dir)) return manifests.get(dir);
      const path = join(dir, 'package.json');
      if (existsSync(path)) {
        const { sideEffects } = JSON.parse(readFileSync(path, 'utf8'));
        const patterns = Array.isArray(sideEffects)
          ? sideEffects.map(
              (glob) =>
                new RegExp(
                  `^${glob
                    .replace(/^\.\//u, '')
                    .replace(/[.+^${}()|[\]\\]/gu, '\\$&')
                    .replace(/\*\*\//gu, '(?:.*/)?')
                    .replace(/\*/gu, '[^/]*')}$`,
                  'u',
                ),
            )
          : undefined;
        const info = { root: dir, sideEffects, patterns };
        manifests.set(dir, info);
        return info;
      }
    }
    return undefined;
  };
  return (id) => {
    if (id.startsWith('\0')) return true;
    const info = manifestOf(id);
    if (!info || info.sideEffects === undefined || info.sideEffects === true) return true;
    if (info.patterns) return info.patterns.some((pattern) => pattern.test(relative(info.root, id)));
    return info.sideEffects !== false;
  };
}

/** The terser options of every minified build: safe transforms only, two compress passes. */
export const TERSER_OPTIONS = { ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } };

/**
 * Minifies the chunks `include` picks (terser with {@link TERSER_OPTIONS}) and leaves the others as they are: for a
 * build whose other files an app's bundler minifies.
 * @param {(chunk: import('rollup').RenderedChunk) => boolean} include
 * @returns {import('rollup').Plugin}
 */
export function minifyChunks(include) {
  const minify = terser(TERSER_OPTIONS);
  return {
    name: 'minify-chunks',
    renderChunk(code, chunk, options, meta) {
      return include(chunk) ? minify.renderChunk.call(this, code, chunk, options, meta) : null;
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
      ...(browser ? [browserFieldMaps()] : []),
      nodeResolve({
        browser,
        exportConditions: browser
          ? ['source', 'browser', 'module', 'import', 'default']
          : ['source', 'node', 'import', 'default'],
        preferBuiltins: !browser,
      }),
      json({ preferConst: true }),
      esbuild({ target: 'es2022', tsconfig: new URL('./tsconfig.base.json', import.meta.url).pathname, minify: false }),
      ...(minify ? [terser(TERSER_OPTIONS)] : []),
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
