// `pnpm draw commit | reveal | verify` (see infra-notes/src/draw/draw-cli.ts and infra-notes/RUNBOOK.md).
import { runDrawCli } from '../src/draw/draw-cli.js';

process.exitCode = await runDrawCli(process.argv.slice(2), {
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
  now: Date.now,
});
