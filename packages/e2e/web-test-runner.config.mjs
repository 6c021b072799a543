// The fault matrix on its own (`pnpm test:chaos` uses it): the workspace's three-engine config, only the e2e files,
// the emulator plugin, and a per-file time limit that grows with `CHAOS_ENTRIES`.
import rootConfig from '../../web-test-runner.config.mjs';
import { emulatorPlugin } from './wtr-emulator-plugin.mjs';

const here = new URL('.', import.meta.url).pathname;
const entries = Number(process.env.CHAOS_ENTRIES ?? 0);
const hasPlugin = (rootConfig.plugins ?? []).some((plugin) => plugin.name === 'campaign-entry-e2e');

export default {
  ...rootConfig,
  files: [`${here}src/**/*.browser.test.ts`],
  plugins: [...(rootConfig.plugins ?? []), ...(hasPlugin ? [] : [emulatorPlugin()])],
  // A test file here runs several scenarios of up to 90 s each; a large chaos run scales with its entrants.
  testsFinishTimeout: Math.max(rootConfig.testsFinishTimeout ?? 0, 20 * 60_000, entries * 6_000),
};
