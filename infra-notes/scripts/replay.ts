// `pnpm replay` (see infra-notes/src/replay/replay-cli.ts and infra-notes/RUNBOOK.md).
import { processIo } from '../src/cli/command.js';
import { runReplayCli } from '../src/replay/replay-cli.js';

process.exitCode = await runReplayCli(process.argv.slice(2), processIo);
