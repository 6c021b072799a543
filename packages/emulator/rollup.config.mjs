// Node build of the emulator (what runs outside the workspace: the `campaign-emulator` bin and the package's
// `default` exports). Dependencies stay imports; only our sources are bundled.
import { createBundle } from '../../rollup.config.mjs';

const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

export default createBundle({
  platform: 'node',
  input: {
    index: 'src/index.ts',
    msw: 'src/hosts/handlers.ts',
    browser: 'src/hosts/browser-worker.ts',
    server: 'src/hosts/server.ts',
    bin: 'src/hosts/bin.ts',
  },
  dir: 'dist',
  chunkFileNames: 'core-[hash].js',
  external: isBare,
});
