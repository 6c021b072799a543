// `cem analyze` (in the build): custom-elements.json, the manifest editors, Storybook and framework tools read, and
// web-types.json for JetBrains IDEs, both from the element's sources and both describing the package as published.
import { publishedManifest } from './build/published-manifest.mjs';
import { webTypes } from './build/web-types.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/testing/**'],
  litelement: true,
  plugins: [
    publishedManifest({ entries: ['src/index.ts', 'src/campaign-entry.ts'] }),
    webTypes({ outFile: 'web-types.json', packageJson: 'package.json' }),
  ],
};
