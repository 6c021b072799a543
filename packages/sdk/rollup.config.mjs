// The npm build: ES modules for bundlers, dependencies left as imports, one entry per `exports` subpath. The delivery
// loop and the AWS transport stay separate chunks behind their dynamic imports, so an app's bundler can split them too.
import { createBundle } from '../../rollup.config.mjs';

export default createBundle({
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
