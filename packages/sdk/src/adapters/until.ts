// Waiting on a condition instead of sleeping: a small poll bounded by a deadline that names what never happened.
// Tests of code that uses the SDK wait for what they assert with it, never for a fixed time.

/** How often {@link until} checks its condition, in milliseconds. */
export const UNTIL_POLL_MS = 20;

/**
 * Resolves once `condition()` (sync or async) is true, checking every {@link UNTIL_POLL_MS} ms; rejects naming `what`
 * after `timeoutMs`. The deadline is a ceiling for a loaded machine, not a duration: it only matters when the
 * condition never comes.
 */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what = 'condition',
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, UNTIL_POLL_MS));
  }
}
