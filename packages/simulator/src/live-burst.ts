// The calibration's live half as a program of its own: the emulator server on 127.0.0.1 and `runBurst` (SDK clients
// with the real AWS SDK over HTTP), bundled and run under plain Node by launch.ts. Bundled, so each phone's lazily
// loaded SDK chunks resolve at once instead of through a test runner's module loader (which made the phones wait on
// the loader's thread, and on a loaded machine turned a 3 s p50 into 9 s). Prints the BurstReport as JSON.
import { type BurstOptions, runBurst } from '@campaign-entry/demo/burst';
import { DEFAULT_POOL_ID } from '@campaign-entry/emulator';
import { startEmulator } from '@campaign-entry/emulator/server';

/** What the live burst is asked to do: {@link BurstOptions} without the URL and random source, plus a seed. */
export type LiveBurstOptions = Omit<BurstOptions, 'url' | 'random' | 'log'> & {
  readonly streams: number;
  readonly seed: number;
};

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

const options = JSON.parse(process.argv[2] ?? '{}') as LiveBurstOptions;
const emulator = await startEmulator({
  region: 'us-east-1',
  pools: [{ id: DEFAULT_POOL_ID }],
  streams: Array.from({ length: options.streams }, (_, index) => ({ name: `entries-${index}` })),
});
try {
  const { streams: _streams, seed, ...burst } = options;
  console.log(JSON.stringify(await runBurst({ ...burst, url: emulator.url, random: seeded(seed) })));
} finally {
  await emulator.close();
}
