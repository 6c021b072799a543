// `pnpm replay` (see infra-notes/src/replay/replay-cli.ts and infra-notes/RUNBOOK.md).
import { runReplayCli } from '../src/replay/replay-cli.js';

process.exitCode = await runReplayCli(process.argv.slice(2), {
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
  now: Date.now,
});
