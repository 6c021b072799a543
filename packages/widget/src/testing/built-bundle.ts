// For tests of the BUILT script-tag bundle (dist/campaign-entry.js): its URL, an element made from it, an entrant,
// and the records the emulator holds. Separate from harness.ts, which defines the element from the sources.
import { createEmulator, type Emulator } from '@campaign-entry/emulator';
import { createHandlers } from '@campaign-entry/emulator/msw';
import type { EntryRecord } from '@campaign-entry/sdk/rules';
import { until } from '@campaign-entry/sdk/testing';
import { expect } from '@open-wc/testing';
import type { RequestHandler } from 'msw';
import { type SetupWorker, setupWorker } from 'msw/browser';
import type { CampaignEntry } from '../campaign-entry.component.js';

export { until };

/** The built script-tag file (run `pnpm build` first). */
export const bundle = new URL('../../dist/campaign-entry.js', import.meta.url).href;

let counter = 0;

/** The page's msw worker and the emulator behind it, once the bundle is loaded. */
export interface BundlePage {
  readonly worker: SetupWorker;
  readonly emulator: Emulator;
}

/**
 * Starts msw with a fresh emulator behind `handlers` (which answer first), then loads the built bundle. The resource
 * timing buffer is emptied just before, so a test counts only the bundle's own fetches (the runner's fill it).
 */
export async function loadBundle(...handlers: RequestHandler[]): Promise<BundlePage> {
  const found = await fetch(bundle);
  expect(found.ok, 'dist/campaign-entry.js is missing: run `pnpm --filter @campaign-entry/widget build`').to.equal(
    true,
  );
  const worker = setupWorker();
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledFrame: 'bypass' });
  const emulator = createEmulator({ streams: [{ name: 'entries-0' }, { name: 'entries-1' }], seed: 11 });
  worker.resetHandlers(...handlers, ...createHandlers(emulator));
  performance.clearResourceTimings();
  performance.setResourceTimingBufferSize(1000);
  await import(/* @vite-ignore */ bundle);
  return { worker, emulator };
}

/** A `<campaign-entry>` of the built bundle with a fresh campaign id, rendered. */
export async function entryForm(): Promise<CampaignEntry> {
  const el = document.createElement('campaign-entry') as CampaignEntry;
  const attributes = {
    region: 'us-east-1',
    'identity-pool-id': 'us-east-1:00000000-0000-4000-8000-000000000000',
    'delivery-stream': 'entries-0,entries-1',
    'campaign-id': `dist-${Date.now().toString(36)}-${++counter}`,
    fields: 'name,email',
    'rules-url': '/rules',
    locale: 'en',
  };
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  await until(() => el.shadowRoot?.querySelector('form') !== null, 'the form');
  return el;
}

/** Fills in a valid entry and taps Submit, as an entrant would. */
export function enter(el: CampaignEntry): void {
  const root = el.shadowRoot as ShadowRoot;
  for (const [id, value] of [
    ['name', 'Ada Lovelace'],
    ['email', 'ada@example.com'],
  ] as const) {
    const input = root.querySelector(`#${id}`) as HTMLInputElement;
    input.focus();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  (root.querySelector('#consent') as HTMLInputElement).click();
  (root.querySelector('button[type=submit]') as HTMLButtonElement).click();
}

/** The records the emulator acknowledged, parsed. */
export function records(emulator: Emulator): EntryRecord[] {
  return emulator.records().map((record) => JSON.parse(record.data) as EntryRecord);
}
