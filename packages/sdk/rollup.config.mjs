// The npm build: ES modules for bundlers, one entry per `exports` subpath.
// - Each of the SDK's own modules stays a file of its own (dist/<path>.js, as in src/), so an app's bundler splits the
//   SDK as finely as its sources: the element's first chunk takes the few small modules it imports (an error class,
//   field names, the stash) and not the client that a lazy chunk uses.
// - What the client imports lazily to send (the delivery loop and the AWS transport, with the AWS SDK and everything
//   only they use) is ONE prebuilt, minified file, dist/send.js, with the AWS SDK code this product never reaches left
//   out (build/unreachable-aws-code.mjs), as in the widget's script-tag build. An app's bundler takes it as it is: every
//   bundler gets the trimmed AWS code with its defaults, no plugin, and sending costs one request.
import { relative } from 'node:path';
import { createBundle, minifyChunks, packageSideEffects } from '../../rollup.config.mjs';
import { awsChunk } from './build/aws-chunk.mjs';
import { leaveOutUnreachableAwsCode } from './build/unreachable-aws-code.mjs';

const src = new URL('./src/', import.meta.url).pathname;

/** The prebuilt sending file's chunk name (dist/send.js). */
export const SEND_CHUNK = 'send';

const bundle = createBundle({
  input: {
    index: 'src/index.ts',
    rules: 'src/rules.ts',
    fields: 'src/fields.ts',
    'storage-keys': 'src/storage-keys.ts',
    errors: 'src/errors.ts',
    stash: 'src/stash.ts',
    lazy: 'src/lazy.ts',
    twins: 'src/twins.ts',
  },
  dir: 'dist',
  minify: false,
  external: (id) => id === 'idb-keyval',
});

const sending = awsChunk();

export default {
  ...bundle,
  plugins: [leaveOutUnreachableAwsCode(), ...bundle.plugins, minifyChunks((chunk) => chunk.name === SEND_CHUNK)],
  treeshake: { moduleSideEffects: packageSideEffects() },
  output: {
    ...bundle.output,
    chunkFileNames: '[name].js',
    // A bundler needs no hint of what loads next: it reads the imports itself.
    hoistTransitiveImports: false,
    manualChunks(id, meta) {
      if (sending(id, meta)) return SEND_CHUNK;
      // Every other SDK module, a file of its own: what preserveModules would do (which takes no manual chunks).
      return id.startsWith(src) ? relative(src, id).replace(/\.ts$/u, '') : undefined;
    },
    onlyExplicitManualChunks: true,
  },
};
