// `pnpm entrant find --email <e>` and `pnpm entrant erase --email <e> [--yes]`: local `.data` by default, an S3
// bucket with `--bucket` and `--region`. Erase is a dry run unless `--yes`. One JSON object on stdout.
import { parseArgs } from 'node:util';
import type { CliIo } from '../draw/draw-cli.js';
import { openStores } from '../store/open-stores.js';
import { eraseEntrant, findEntrant } from './entrant-privacy.js';

const USAGE = `Usage:
  pnpm entrant find --email <address> [--data <dir>] [--bucket <name> --region <aws-region>]
  pnpm entrant erase --email <address> [--yes] [--data <dir>] [--bucket <name> --region <aws-region>]
Erase only reports what it would remove unless --yes is given.`;

/** Runs one entrant command; resolves to the exit code. */
export async function runEntrantCli(argv: readonly string[], io: CliIo): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  let command: string | undefined;
  try {
    const parsed = parse(argv);
    values = parsed.values;
    command = parsed.positionals[0];
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.email || (command !== 'find' && command !== 'erase')) {
    io.stderr(USAGE);
    return 2;
  }
  const stores = openStores(values);
  try {
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
    return 0;
  } catch (error) {
    if (error instanceof RangeError) {
      io.stderr(error.message);
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
      email: { type: 'string' },
      yes: { type: 'boolean' },
      data: { type: 'string' },
      bucket: { type: 'string' },
      region: { type: 'string' },
      endpoint: { type: 'string' },
    },
  });
}
