// For browser tests and in-page benchmarks: one msw service worker per page, answering AWS's endpoints from a fresh
// emulator whenever a test asks for one. (Browser only: it uses msw/browser.)
import { setupWorker } from 'msw/browser';
import type { EmulatorOptions } from '../config/options.js';
import { createEmulator } from '../emulator.js';
import type { Emulator } from '../emulator-api.js';
import { createHandlers } from './handlers.js';

/** Swaps in a fresh emulator (with `defaults` overridden by `options`) behind the page's worker. */
export type UseEmulator = (options?: EmulatorOptions) => Promise<Emulator>;

/**
 * Starts msw's worker once (served at `/mockServiceWorker.js`) and returns a function that puts a new emulator behind
 * AWS's endpoint URLs. Requests msw does not handle go to the network untouched.
 * @example
 * const useEmulator = createBrowserEmulator({ streams: [{ name: 'entries-0' }] });
 * const emulator = await useEmulator({ faults: { recordFailureRate: 0.5 } });
 */
export function createBrowserEmulator(defaults: EmulatorOptions = {}): UseEmulator {
  const worker = setupWorker();
  let started: Promise<unknown> | undefined;
  return async (options = {}) => {
    started ??= worker.start({
      serviceWorker: { url: '/mockServiceWorker.js' },
      quiet: true,
      onUnhandledFrame: 'bypass',
    });
    await started;
    const emulator = createEmulator({ ...defaults, ...options });
    worker.resetHandlers(...createHandlers(emulator));
    return emulator;
  };
}
