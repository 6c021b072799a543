// Two builds from the shared factory:
// - dist/: the script-tag bundle. `campaign-entry.js` holds Lit and the element (rendering, copy, and keeping a form
//   submitted before anything else arrives); lazily loaded, content-hashed chunks beside it bring the rest, imported by
//   relative URL so the folder can be copied to any S3 prefix: right after the first render the element's behaviour
//   with the SDK's validation, storage and client, in one file (form-controller-*.js), on first focus or submit the
//   SDK's delivery loop with the AWS SDK (aws-*.js). `node scripts/sizes.mjs` checks them against their budgets.
// - dist/lib/: the npm build for bundlers, one file per source module (Lit and the SDK stay imports; the app's bundler
//   splits and minifies), templates minified as in dist/.
import { createBundle, packageSideEffects } from '../../rollup.config.mjs';
import { awsChunk, awsChunkStaysLazy } from '../sdk/build/aws-chunk.mjs';
import { leaveOutUnreachableAwsCode } from '../sdk/build/unreachable-aws-code.mjs';
import { controllerChunk, controllerChunkStaysLazy } from './build/controller-chunk.mjs';
import { minifyTemplates } from './build/minify-templates.mjs';
import { removeStaleChunks } from './build/remove-stale-chunks.mjs';

const script = createBundle({ input: { 'campaign-entry': 'src/campaign-entry.ts' }, dir: 'dist' });
const aws = awsChunk();
const controller = controllerChunk();

export default [
  {
    ...script,
    plugins: [
      leaveOutUnreachableAwsCode(),
      ...script.plugins,
      minifyTemplates((id) => id.includes('/packages/widget/src/')),
      awsChunkStaysLazy(),
      controllerChunkStaysLazy(),
      removeStaleChunks(),
    ],
    treeshake: { moduleSideEffects: packageSideEffects() },
    // The entry keeps its exports and may gain ones the lazy chunks import, instead of becoming a facade file.
    preserveEntrySignatures: 'allow-extension',
    output: {
      ...script.output,
      manualChunks: (id, api) => aws(id, api) ?? controller(id, api),
      onlyExplicitManualChunks: true,
    },
  },
  (() => {
    const lib = createBundle({
      input: { index: 'src/index.ts', 'campaign-entry': 'src/campaign-entry.ts', react: 'src/react.ts' },
      dir: 'dist/lib',
      minify: false,
      external: (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@campaign-entry/'),
    });
    return {
      ...lib,
      // The same template minification as the script-tag file: an app's minifier leaves template text alone.
      plugins: [...lib.plugins, minifyTemplates((id) => id.includes('/packages/widget/src/'))],
      output: { ...lib.output, preserveModules: true, preserveModulesRoot: 'src' },
    };
  })(),
];
