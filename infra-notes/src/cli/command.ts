// What the operator commands (`pnpm draw`, `pnpm entrant`, `pnpm replay`) share: their surroundings, the options that
// say where the entries are, argument parsing with the usage on a mistake, and one rule for exit codes —
// 0 done, 1 refused (a one-line reason on stderr), 2 a usage mistake.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { DrawError } from '../draw/draw-error.js';

/** The option table `parseArgs` takes. */
type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** A command's surroundings, injected so tests run commands in-process. */
export interface CliIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly now: () => number;
}

/** The real process's surroundings. */
export const processIo: CliIo = {
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
  now: Date.now,
};

/** Where the entries are: a local data folder, a local bucket folder, or S3 (`--bucket` with `--region`). */
export const STORE_OPTIONS = {
  data: { type: 'string' },
  bucket: { type: 'string' },
  region: { type: 'string' },
  endpoint: { type: 'string' },
} as const satisfies ParseArgsOptionsConfig;

/** Exit codes, one meaning each. */
export const ExitCode = { Done: 0, Refused: 1, Usage: 2 } as const;

/** A usage mistake found after parsing (a missing option, an unknown command): exit 2 with the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError' as const;
}

/** Parsed arguments of a command with options `O`. */
export type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: O; allowPositionals: true; args: string[] }>
>;

/**
 * Parses `argv` against `options` and runs `body`. A parse error or {@link UsageError} prints the message and the
 * usage and resolves to 2; a refusal (a {@link DrawError} or a `RangeError` from the checks) prints its first line and
 * resolves to 1; anything else is a bug and is thrown.
 */
export async function runCommand<O extends ParseArgsOptionsConfig>(
  argv: readonly string[],
  io: CliIo,
  spec: { readonly usage: string; readonly options: O },
  body: (parsed: Parsed<O>) => Promise<number>,
): Promise<number> {
  try {
    const parsed = parseArgs({ args: [...argv], allowPositionals: true, options: spec.options });
    return await body(parsed as Parsed<O>);
  } catch (error) {
    if (error instanceof UsageError || isParseError(error)) {
      io.stderr(`${error.message ? `${error.message}\n` : ''}${spec.usage}`);
      return ExitCode.Usage;
    }
    if (error instanceof DrawError || error instanceof RangeError) {
      io.stderr(error.message.split('\n')[0] || 'refused');
      return ExitCode.Refused;
    }
    throw error;
  }
}

/** node:util's parseArgs errors carry an `ERR_PARSE_ARGS_*` code. */
function isParseError(error: unknown): error is Error {
  return error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
}
