// The npm build: ES modules for bundlers, dependencies left as imports. The AWS transport stays a separate chunk
// behind its dynamic import, so an app's bundler can split it too.
import { createBundle } from '../../rollup.config.mjs';

export default createBundle({
  input: { index: 'src/index.ts' },
  dir: 'dist',
  minify: false,
  external: (id) => id === 'idb-keyval' || id.startsWith('@aws-sdk/'),
});
