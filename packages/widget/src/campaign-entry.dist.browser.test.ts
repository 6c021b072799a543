// The BUILT script-tag bundle (dist/campaign-entry.js, made by `pnpm build`) in this page, against the emulator behind
// msw: what a phone runs, including the AWS SDK code the build leaves out (build/unreachable-aws-code.mjs). The
// emulator verifies every SigV4 signature, so a delivered entry shows signing, credentials and endpoints still work.
// (campaign-entry.offline.browser.test.ts covers the same bundle when its lazy chunk cannot be fetched.)
import { createEmulator, type Emulator } from '@campaign-entry/emulator';
import { createHandlers } from '@campaign-entry/emulator/msw';
import type { EntryRecord } from '@campaign-entry/sdk';
import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import type { CampaignEntry } from './campaign-entry.component.js';

const worker = setupWorker();
const bundle = new URL('../dist/campaign-entry.js', import.meta.url).href;

let counter = 0;

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A `<campaign-entry>` of the built bundle with a fresh campaign id, rendered. */
async function entryForm(): Promise<CampaignEntry> {
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
function enter(el: CampaignEntry): void {
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

function records(emulator: Emulator): EntryRecord[] {
  return emulator.records().map((record) => JSON.parse(record.data) as EntryRecord);
}

/** The bundle's files this page fetched. */
function fetchedChunks(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.includes('/widget/dist/'))
    .map((path) => path.split('/').pop() ?? '');
}

describe('<campaign-entry> from dist/, against the emulator', () => {
  let emulator: Emulator;

  before(async () => {
    const found = await fetch(bundle);
    expect(found.ok, 'dist/campaign-entry.js is missing: run `pnpm --filter @campaign-entry/widget build`').to.equal(
      true,
    );
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledFrame: 'bypass' });
    emulator = createEmulator({ streams: [{ name: 'entries-0' }, { name: 'entries-1' }], seed: 11 });
    worker.resetHandlers(...createHandlers(emulator));
    // The test runner's own modules fill the resource timing buffer; count from here on.
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(1000);
    await import(/* @vite-ignore */ bundle);
  });

  after(() => worker.stop());

  it('delivers a signed entry and fetches only the chunks an English entrant needs', async () => {
    const before = emulator.records().length;
    const el = await entryForm();
    enter(el);
    await until(() => el.state === 'delivered', 'the delivered state', 20_000);
    const [record] = records(emulator).slice(before);
    expect(record?.entryId).to.equal(el.entryId);
    expect(record?.fields).to.deep.equal({ name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(emulator.stats().cognito.getCredentials).to.be.greaterThan(0);
    const chunks = fetchedChunks();
    expect(chunks).to.include('campaign-entry.js');
    expect(chunks.some((name) => /^form-controller-[\w-]+\.js$/u.test(name))).to.equal(true);
    expect(chunks.some((name) => /^aws-[\w-]+\.js$/u.test(name))).to.equal(true);
    expect(chunks.filter((name) => /^(?:event-streams|es)-/u.test(name))).to.deep.equal([]);
    el.remove();
  });
});
