// Measures backlog drain in a real page: starts @web/dev-server with the test setup and drives Chromium.
import { startDevServer } from '@web/dev-server';
import { chromium } from 'playwright-core';
import { devServerOptions } from '../scripts/dev-server-options.mjs';
import { chromiumLaunchOptions } from './chromium.mjs';

/**
 * Drains `entries` stored entries, once per failure rate.
 * @returns {Promise<object[]>}
 */
export async function measureDrain({ entries = 10_000, failureRates = [0, 0.2] } = {}) {
  const server = await startDevServer({
    config: { ...devServerOptions, port: 0, hostname: '127.0.0.1' },
    readCliArgs: false,
    readFileConfig: false,
    autoExitProcess: false,
    logStartMessage: false,
  });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const results = [];
    for (const rate of failureRates) {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${server.server.address().port}/bench/pages/drain.html`);
      await page.waitForFunction(() => 'runDrain' in window, null, { timeout: 60_000 });
      results.push(await page.evaluate(([n, r]) => window.runDrain(n, r), [entries, rate]));
      await page.close();
    }
    return results;
  } finally {
    await browser.close();
    await server.stop();
  }
}
