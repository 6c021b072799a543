// Backlog drain in a real page: @web/dev-server with the browser-test setup (TypeScript, msw), Debian's Chromium
// through playwright-core, the SDK with the real AWS SDK. The emulator runs as its own process's host (the one
// `pnpm emulator` starts, here inside this Node process: HTTP on 127.0.0.1, CORS, SigV4 checked, Firehose's limits),
// as AWS would, so the page's main thread does the SDK's work only; or, as before, in the page behind msw.
import type { AddressInfo } from 'node:net';
import { launchChromium } from '@campaign-entry/demo/page-driver';
import { startEmulator } from '@campaign-entry/emulator/server';
import { startDevServer } from '@web/dev-server';
import { devServerOptions } from '../../scripts/dev-server-options.mjs';
import type { DrainHost, DrainResult, EmulatorControl } from '../pages/drain.js';
import { summarize } from '../pages/emulator-summary.js';

export type { DrainHost, DrainResult };

const STREAMS = [{ name: 'entries-0' }, { name: 'entries-1' }];

/** Drains `entries` stored entries once per host and failure rate. */
export async function measureDrain(
  entries: number,
  failureRates: readonly number[],
  hosts: readonly DrainHost[] = ['process', 'page'],
): Promise<DrainResult[]> {
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
    for (const host of hosts) {
      for (const rate of failureRates) {
        const running = host === 'process' ? await startEmulator({ streams: STREAMS, seed: 7 }) : undefined;
        const page = await browser.newPage();
        try {
          if (running) {
            const control: Record<keyof EmulatorControl, (arg?: number) => unknown> = {
              pause: () => running.emulator.pause(),
              resume: (recordFailureRate) => {
                running.emulator.setFaults({ recordFailureRate: recordFailureRate ?? 0 });
                running.emulator.resume();
              },
              summary: () => summarize(running.emulator),
            };
            await page.exposeFunction('benchEmulator', (command: keyof EmulatorControl, arg?: number) =>
              control[command](arg),
            );
          }
          await page.goto(`http://127.0.0.1:${port}/bench/pages/drain.html`);
          await page.waitForFunction(() => 'runDrain' in window, undefined, { timeout: 60_000 });
          results.push(
            await page.evaluate(
              ([count, failureRate, endpoint]) =>
                (window as unknown as { runDrain(n: number, r: number, e?: string): Promise<DrainResult> }).runDrain(
                  count,
                  failureRate,
                  endpoint,
                ),
              [entries, rate, running?.url] as const,
            ),
          );
        } finally {
          await page.close();
          await running?.close();
        }
      }
    }
    return results;
  } finally {
    await browser.close();
    await server.stop();
  }
}
