// The Lambda bundle: one ES module with the SDK's rules inlined (resolved from its TypeScript through the `source`
// condition) and nothing left to install. Node built-ins stay imports; Lambda's Node.js runtime has them.
import { builtinModules } from 'node:module';
import { createBundle } from '../../rollup.config.mjs';

const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

export default createBundle({
  platform: 'node',
  input: { index: 'src/index.ts' },
  dir: 'dist',
  entryFileNames: '[name].mjs',
  external: (id) => builtins.has(id),
  minify: false,
});
