// A @web/test-runner reporter that prints how long each test file took in each browser, slowest first, when the run
// ends: what to look at when the browser step grows towards CI's time budget. Files run one at a time per browser
// (the config's concurrency 1) and wtr reports no "started loading" status, so a file's time is from the moment the
// previous file of the same browser finished (or the run started) to its own finish: page load included.
import { relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/**
 * @param {{ top?: number }} [options] how many files to list (default 8)
 * @returns {import('@web/test-runner').Reporter}
 */
export function durationsReporter({ top = 8 } = {}) {
  /** @type {{ file: string, browser: string, seconds: number }[]} */
  const done = [];
  /** @type {Map<string, number>} when each browser last finished a file */
  const lastFinish = new Map();
  let runStarted = Date.now();
  return {
    start({ sessions, startTime }) {
      runStarted = startTime;
      sessions.on('session-status-updated', (session) => {
        if (session.status !== 'FINISHED') return;
        const browser = session.browser.name;
        const now = Date.now();
        done.push({ file: session.testFile, browser, seconds: (now - (lastFinish.get(browser) ?? runStarted)) / 1000 });
        lastFinish.set(browser, now);
      });
    },
    stop() {
      if (done.length === 0) return;
      const rows = [...done].sort((a, b) => b.seconds - a.seconds).slice(0, top);
      const lines = [`\nSlowest test files (of ${done.length}):`];
      for (const row of rows) {
        lines.push(`  ${row.seconds.toFixed(1).padStart(7)} s  ${row.browser.padEnd(10)} ${relative(root, row.file)}`);
      }
      // wtr's logger holds console output during a run; this goes straight to stdout at the end.
      process.stdout.write(`${lines.join('\n')}\n`);
    },
  };
}
