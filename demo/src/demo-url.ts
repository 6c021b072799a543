// Where the local demo listens, and the one rule for commands that drive it (demo:burst, demo:breaker): they target
// the demo on this machine only, never a deployed stack.

/** The port `pnpm demo` listens on unless `PORT` says otherwise. */
export const DEMO_PORT = 8787;

const LOOPBACK_URL = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/u;

/**
 * The demo a command drives: `given` (its `--url`), else the local demo on `PORT`. Anything but a loopback URL ends
 * the process (exit code 2) with a line naming `command`.
 */
export function localDemoUrl(command: string, given: string | undefined): string {
  const url = given ?? `http://127.0.0.1:${process.env.PORT ?? DEMO_PORT}`;
  if (!LOOPBACK_URL.test(url)) {
    console.error(`${command} only targets the local demo (127.0.0.1); got ${url}`);
    process.exit(2);
  }
  return url;
}
