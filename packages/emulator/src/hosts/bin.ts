// `campaign-emulator`: starts the server, prints one line once it listens, and on SIGINT/SIGTERM writes every buffered
// record before exiting. Bad configuration gets one line on stderr and a non-zero exit, never a stack trace.
import { parseCli, USAGE } from '../config/cli.js';
import { loadTransformModule } from '../delivery/transform-module.js';
import { isEmulatorError } from '../services/errors.js';
import { startEmulator } from './server.js';

const NAME = 'campaign-emulator';

function fail(message: string, exitCode: number): never {
  process.stderr.write(`${NAME}: ${message}\n`);
  process.exit(exitCode);
}

const describe = (error: unknown) =>
  isEmulatorError(error) ? error.message : error instanceof Error ? error.message : String(error);

async function main(argv: readonly string[]): Promise<void> {
  let request: ReturnType<typeof parseCli>;
  try {
    request = parseCli(argv);
  } catch (error) {
    fail(describe(error), 2);
  }
  if (request.help) {
    process.stdout.write(USAGE);
    return;
  }
  const log = request.verbose ? (line: string) => process.stderr.write(`${line}\n`) : undefined;
  let running: Awaited<ReturnType<typeof startEmulator>>;
  try {
    const transform = request.transformModule ? await loadTransformModule(request.transformModule) : undefined;
    running = await startEmulator({ ...request.options, ...(log ? { log } : {}), ...(transform ? { transform } : {}) });
  } catch (error) {
    fail(describe(error), isEmulatorError(error) && error.code === 'invalid-option' ? 2 : 1);
  }
  process.stdout.write(`${NAME} listening on ${running.url}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) fail(`${signal} again: exiting without waiting for buffered records`, 130);
    stopping = true;
    log?.(`${signal}: writing buffered records`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => fail(`could not write every buffered record: ${describe(error)}`, 1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => fail(describe(error), 1));
