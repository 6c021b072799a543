// The npm build: ES modules for bundlers, dependencies left as imports, one entry per `exports` subpath, and one file
// per source module (`preserveModules`), so an app's bundler splits the SDK as finely as its sources: the element's
// first chunk takes the few small modules it imports (an error class, field names, the stash) and not the client that
// a lazy chunk uses; the delivery loop and the AWS transport stay behind their dynamic imports.
import { createBundle } from '../../rollup.config.mjs';

const bundle = createBundle({
  input: {
    index: 'src/index.ts',
    rules: 'src/rules.ts',
    stash: 'src/stash.ts',
    lazy: 'src/lazy.ts',
    twins: 'src/twins.ts',
  },
  dir: 'dist',
  minify: false,
  external: (id) => id === 'idb-keyval' || id.startsWith('@aws-sdk/'),
});

export default { ...bundle, output: { ...bundle.output, preserveModules: true, preserveModulesRoot: 'src' } };
