// `pnpm draw commit | reveal | verify`: one JSON object on stdout; a refusal is one line on stderr and a non-zero
// exit (see ../cli/command.ts for the exit codes).
import { type CliIo, ExitCode, runCommand, STORE_OPTIONS, UsageError } from '../cli/command.js';
import { openStores } from '../store/open-stores.js';
import { DrawError } from './draw-error.js';
import { commitDraw, revealDraw, verifyDraw } from './draw-service.js';
import { drawRules } from './eligibility.js';

const USAGE = `Usage:
  pnpm draw commit --closes-at <ISO> [--grace-minutes N] [--data <dir>]
  pnpm draw reveal --seed <hex> [--winners N] [--data <dir>]
  pnpm draw verify [--data <dir>]
Options: --bucket <name> (local bucket folder, or S3 with --region), --region <aws-region>`;

const OPTIONS = {
  ...STORE_OPTIONS,
  'closes-at': { type: 'string' },
  'grace-minutes': { type: 'string' },
  seed: { type: 'string' },
  winners: { type: 'string' },
} as const;

/** Runs one draw command; resolves to the exit code. */
export function runDrawCli(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommand(argv, io, { usage: USAGE, options: OPTIONS }, async ({ values, positionals }) => {
    const [command] = positionals;
    if (command !== 'commit' && command !== 'reveal' && command !== 'verify') throw new UsageError('');
    const opened = openStores(values);
    const stores = { entries: opened.bucket, state: opened.state };
    if (command === 'commit') {
      if (!values['closes-at']) throw new DrawError('invalid-argument', '--closes-at <ISO instant> is required');
      const rules = drawRules(values['closes-at'], Number(values['grace-minutes'] ?? '0'));
      const stored = await commitDraw(stores, rules, io.now);
      io.stdout(JSON.stringify({ ...stored, files: ['draw/commitment.json', 'draw/eligible.txt'] }));
      return ExitCode.Done;
    }
    if (command === 'reveal') {
      if (!values.seed) throw new DrawError('invalid-argument', '--seed <hex> is required');
      io.stdout(JSON.stringify(await revealDraw(stores, values.seed, Number(values.winners ?? '5'))));
      return ExitCode.Done;
    }
    const result = await verifyDraw(stores);
    io.stdout(JSON.stringify(result));
    return result.commitmentHolds && result.winnersHold !== false ? ExitCode.Done : ExitCode.Refused;
  });
}
