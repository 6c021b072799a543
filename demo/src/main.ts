// `pnpm demo`: the whole campaign on this machine. Prints where everything is; Ctrl-C writes buffered records first.
import { relative } from 'node:path';
import { isEmulatorError } from '@campaign-entry/emulator';
import { DEMO_PORT } from './demo-url.js';
import { DEMO_CAMPAIGN, startDemo } from './server.js';

const port = Number(process.env.PORT ?? DEMO_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}".`);
  process.exit(2);
}

try {
  const demo = await startDemo({ port, ...(process.env.DEMO_DATA ? { dataDir: process.env.DEMO_DATA } : {}) });
  const data = relative(process.cwd(), `${demo.dataDir}s3/${DEMO_CAMPAIGN.bucket}/entries/`) || '.';
  console.log(
    [
      '',
      `  Campaign page   ${demo.url}/`,
      `  Live dashboard  ${demo.url}/dashboard/`,
      `  AWS endpoints   ${demo.url}  (Cognito Identity + Firehose emulator; inspection at ${demo.url}/_emulator/stats)`,
      `  Entries land in ${data}/YYYY/MM/DD/HH/*.gz  (Firehose's S3 layout, gzip NDJSON, every ~10 s)`,
      '',
      '  Query them:     pnpm query            (summary)   pnpm query "select * from entries_unique limit 5"',
      '  Halftime burst: pnpm demo:burst       (2,000 simulated entrants against this server)',
      '',
      '  Ctrl-C stops the demo and writes buffered entries to disk first.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: writing buffered entries…`);
    demo.close().then(
      () => {
        console.log('Stopped. Every acknowledged entry is on disk.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`Could not write buffered entries: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  console.error(isEmulatorError(error) ? `pnpm demo: ${error.message}` : error);
  process.exit(1);
}
