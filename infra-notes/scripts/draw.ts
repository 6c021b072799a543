// `pnpm draw commit | reveal | verify` (see infra-notes/src/draw/draw-cli.ts and infra-notes/RUNBOOK.md).
import { processIo } from '../src/cli/command.js';
import { runDrawCli } from '../src/draw/draw-cli.js';

process.exitCode = await runDrawCli(process.argv.slice(2), processIo);
