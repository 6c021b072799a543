// `pnpm draw commit | reveal | verify`: one JSON object on stdout; a refusal is one line on stderr and a non-zero
// exit. The process wiring (argv, clock, output) is injected so tests run it in-process.
import { parseArgs } from 'node:util';
import { openStores } from '../store/open-stores.js';
import { DrawError } from './draw-error.js';
import { commitDraw, revealDraw, verifyDraw } from './draw-service.js';
import { drawRules } from './eligibility.js';

/** The command's surroundings. */
export interface CliIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly now: () => number;
}

const USAGE = `Usage:
  pnpm draw commit --closes-at <ISO> [--grace-minutes N] [--data <dir>]
  pnpm draw reveal --seed <hex> [--winners N] [--data <dir>]
  pnpm draw verify [--data <dir>]
Options: --bucket <name> (local bucket folder, or S3 with --region), --region <aws-region>`;

/** Runs one draw command; resolves to the exit code. */
export async function runDrawCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command] = positionals;
  const opened = openStores(values);
  const stores = { entries: opened.bucket, state: opened.state };
  try {
    if (command === 'commit') {
      if (!values['closes-at']) throw new DrawError('invalid-argument', '--closes-at <ISO instant> is required');
      const rules = drawRules(values['closes-at'], Number(values['grace-minutes'] ?? '0'));
      const stored = await commitDraw(stores, rules, io.now);
      io.stdout(JSON.stringify({ ...stored, files: ['draw/commitment.json', 'draw/eligible.txt'] }));
    } else if (command === 'reveal') {
      if (!values.seed) throw new DrawError('invalid-argument', '--seed <hex> is required');
      io.stdout(JSON.stringify(await revealDraw(stores, values.seed, Number(values.winners ?? '5'))));
    } else if (command === 'verify') {
      const result = await verifyDraw(stores);
      io.stdout(JSON.stringify(result));
      return result.commitmentHolds && result.winnersHold !== false ? 0 : 1;
    } else {
      io.stderr(USAGE);
      return 2;
    }
    return 0;
  } catch (error) {
    if (error instanceof DrawError || error instanceof RangeError) {
      io.stderr(error.message.split('\n')[0] ?? 'refused');
      return 1;
    }
    throw error;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      'closes-at': { type: 'string' },
      'grace-minutes': { type: 'string' },
      seed: { type: 'string' },
      winners: { type: 'string' },
      data: { type: 'string' },
      bucket: { type: 'string' },
      region: { type: 'string' },
      endpoint: { type: 'string' },
    },
  });
}
