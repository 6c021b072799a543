// How a Node command here runs the workspace's TypeScript: the AWS SDK's Node-version warning off (quiet-aws-sdk.mjs),
// workspace packages resolved to their TypeScript sources (our `source` export condition) and TypeScript through tsx.
// package.json's scripts spell the same options out (JSON cannot import them).

/** Node options that run a workspace `.ts` file from its sources: put them before the file. */
export const SOURCE_NODE_OPTIONS = Object.freeze([
  '--import',
  new URL('quiet-aws-sdk.mjs', import.meta.url).href,
  '--conditions=source',
  '--import',
  'tsx',
]);
