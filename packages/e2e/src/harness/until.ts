// Waiting on conditions instead of sleeping: a small poll, bounded by a deadline that names what never happened.

/** How often conditions are checked, in milliseconds. */
export const POLL_MS = 50;

/** Resolves once `condition()` (sync or async) is true; rejects naming `what` after `timeoutMs`. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
