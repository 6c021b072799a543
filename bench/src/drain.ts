// Backlog drain in a real page: @web/dev-server with the browser-test setup (TypeScript, msw), Debian's Chromium
// through playwright-core, the SDK with the real AWS SDK against the emulator behind msw.
import type { AddressInfo } from 'node:net';
import { launchChromium } from '@campaign-entry/demo/page-driver';
import { startDevServer } from '@web/dev-server';
import { devServerOptions } from '../../scripts/dev-server-options.mjs';
import type { DrainResult } from '../pages/drain.js';

export type { DrainResult };

/** Drains `entries` stored entries once per failure rate. */
export async function measureDrain(entries: number, failureRates: readonly number[]): Promise<DrainResult[]> {
  const server = await startDevServer({
    config: { ...devServerOptions, port: 0, hostname: '127.0.0.1' },
    readCliArgs: false,
    readFileConfig: false,
    autoExitProcess: false,
    logStartMessage: false,
  });
  const browser = await launchChromium();
  try {
    const address = server.server?.address() as AddressInfo | string | null | undefined;
    if (!address || typeof address === 'string') throw new Error('the dev server is not listening');
    const { port } = address;
    const results: DrainResult[] = [];
    for (const rate of failureRates) {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/bench/pages/drain.html`);
      await page.waitForFunction(() => 'runDrain' in window, undefined, { timeout: 60_000 });
      results.push(
        await page.evaluate(
          ([count, failureRate]) =>
            (window as unknown as { runDrain(n: number, r: number): Promise<DrainResult> }).runDrain(
              count,
              failureRate,
            ),
          [entries, rate] as const,
        ),
      );
      await page.close();
    }
    return results;
  } finally {
    await browser.close();
    await server.stop();
  }
}
