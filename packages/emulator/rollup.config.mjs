// Node build of the emulator (what runs outside the workspace: the `campaign-emulator` bin and the package's
// `default` exports). Dependencies stay imports; only our sources are bundled.
import { createBundle } from '../../rollup.config.mjs';

const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

export default createBundle({
  platform: 'node',
  input: {
    index: 'src/index.ts',
    msw: 'src/handlers.ts',
    browser: 'src/browser-worker.ts',
    server: 'src/server.ts',
    bin: 'src/bin.ts',
  },
  dir: 'dist',
  chunkFileNames: 'core-[hash].js',
  external: isBare,
});
