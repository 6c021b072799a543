// Two builds from the shared factory:
// - dist/: the script-tag bundle. `campaign-entry.js` holds Lit, the element and the SDK's store-first submit path;
//   the SDK's delivery loop and the AWS SDK come in lazily loaded, content-hashed chunks beside it, imported by
//   relative URL so the folder can be copied to any S3 prefix.
// - dist/lib/: the npm build for bundlers, one file per source module (Lit and the SDK stay imports; the app's bundler
//   splits and minifies).
import { createBundle } from '../../rollup.config.mjs';

// The AWS SDK loads its Cognito client through a dynamic import of its own: keep it in the AWS chunk so sending never
// waits for a second round trip. Event-stream code (never used by PutRecordBatch) stays in its own, never-loaded chunk.
const AWS_CODE =
  /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(?:@aws-sdk|@aws-crypto|@smithy|tslib|fast-xml-parser|strnum|bowser)\//u;
const awsChunk = (id) =>
  (AWS_CODE.test(id) && !id.includes('/event-streams/')) ||
  /\/sdk\/src\/adapters\/(?:aws-transport|credential-cache)\.ts$/u.test(id)
    ? 'aws'
    : undefined;

const script = createBundle({ input: { 'campaign-entry': 'src/campaign-entry.ts' }, dir: 'dist' });

export default [
  {
    ...script,
    // The entry keeps its exports and may gain ones the lazy chunks import, instead of becoming a facade file.
    preserveEntrySignatures: 'allow-extension',
    output: { ...script.output, manualChunks: awsChunk },
  },
  (() => {
    const lib = createBundle({
      input: { index: 'src/index.ts', 'campaign-entry': 'src/campaign-entry.ts' },
      dir: 'dist/lib',
      minify: false,
      external: (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@campaign-entry/'),
    });
    return { ...lib, output: { ...lib.output, preserveModules: true, preserveModulesRoot: 'src' } };
  })(),
];
