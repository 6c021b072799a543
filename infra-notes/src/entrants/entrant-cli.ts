// `pnpm entrant find --email <e>` and `pnpm entrant erase --email <e> [--yes]`: local `.data` by default, an S3
// bucket with `--bucket` and `--region`. Erase is a dry run unless `--yes`. One JSON object on stdout.
import { type CliIo, ExitCode, runCommand, STORE_OPTIONS, UsageError } from '../cli/command.js';
import { openStores } from '../store/open-stores.js';
import { eraseEntrant, findEntrant } from './entrant-privacy.js';

const USAGE = `Usage:
  pnpm entrant find --email <address> [--data <dir>] [--bucket <name> --region <aws-region>]
  pnpm entrant erase --email <address> [--yes] [--data <dir>] [--bucket <name> --region <aws-region>]
Erase only reports what it would remove unless --yes is given.`;

const OPTIONS = { ...STORE_OPTIONS, email: { type: 'string' }, yes: { type: 'boolean' } } as const;

/** Runs one entrant command; resolves to the exit code. */
export function runEntrantCli(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommand(argv, io, { usage: USAGE, options: OPTIONS }, async ({ values, positionals }) => {
    const [command] = positionals;
    if (!values.email || (command !== 'find' && command !== 'erase')) throw new UsageError('');
    const stores = openStores(values);
    if (command === 'find') {
      const { key, lines } = await findEntrant(stores.bucket, values.email);
      io.stdout(JSON.stringify({ key, location: stores.bucket.location, found: lines.length, lines }));
    } else {
      const report = await eraseEntrant(stores.bucket, stores.state, values.email, {
        write: values.yes === true,
        now: io.now,
      });
      io.stdout(JSON.stringify({ ...report, location: stores.bucket.location }));
    }
    return ExitCode.Done;
  });
}
