// `pnpm entrant find | erase` (see infra-notes/src/entrants/entrant-cli.ts and infra-notes/RUNBOOK.md).
import { processIo } from '../src/cli/command.js';
import { runEntrantCli } from '../src/entrants/entrant-cli.js';

process.exitCode = await runEntrantCli(process.argv.slice(2), processIo);
