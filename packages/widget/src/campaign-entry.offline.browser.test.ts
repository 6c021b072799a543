// The BUILT script-tag bundle (dist/campaign-entry.js, made by `pnpm build`) when the network goes away right after the
// page loaded: the chunk with the element's behaviour and the SDK cannot be fetched, yet a submitted entry must not be
// lost. Its own page: a browser may remember a module it failed to fetch for the rest of the page's life.
import type { Emulator } from '@campaign-entry/emulator';
import { createHandlers } from '@campaign-entry/emulator/msw';
import { storageKey } from '@campaign-entry/sdk/rules';
import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import type { SetupWorker } from 'msw/browser';
import type { CampaignEntry } from './campaign-entry.component.js';
import type { CampaignEntryQueuedEvent } from './events/campaign-entry-queued.js';
import { bundle, enter, entryForm, loadBundle, records, until } from './testing/built-bundle.js';

// The chunk with the element's behaviour and the SDK, loaded right after the first render.
const behaviourChunk = /\/dist\/form-controller-[\w-]+\.js$/u;

describe('<campaign-entry> from dist/ when its behaviour cannot be fetched', () => {
  let worker: SetupWorker;
  let emulator: Emulator;
  let el: CampaignEntry;
  let key: string;

  before(async () => {
    ({ worker, emulator } = await loadBundle(http.get(behaviourChunk, () => HttpResponse.error())));
  });

  after(() => {
    el.remove();
    return worker.stop();
  });

  it('keeps a form submitted before its behaviour could load on the device, and says it is saved', async () => {
    el = await entryForm();
    const queued: CampaignEntryQueuedEvent[] = [];
    el.addEventListener('campaign-entry-queued', (event) => queued.push(event));
    enter(el);
    await until(() => el.state === 'queued', 'the entry to be kept on the device');
    expect(queued.map((event) => [event.detail.entryId, event.detail.storage])).to.deep.equal([
      [el.entryId, 'localstorage'],
    ]);
    expect(el.shadowRoot?.textContent).to.contain('Saved on this device, sending…');
    key = storageKey(el.getAttribute('campaign-id') ?? '', 'unsent-form');
    expect(JSON.parse(localStorage.getItem(key) ?? 'null')?.entryId).to.equal(el.entryId);
    expect(records(emulator)).to.deep.equal([]);
  });

  it('hands the kept form to the SDK once the network is back (skipped in Firefox, which keeps a failed module fetch for the page: there the next visit hands it over)', async function () {
    worker.resetHandlers(...createHandlers(emulator));
    // Firefox keeps a module it failed to fetch for the rest of the page's life: there the kept form is handed over
    // on the next visit (a new page), which this page cannot show.
    const name = /form-controller-[\w-]+\.js/u.exec(await (await fetch(bundle)).text())?.[0] ?? '';
    const chunk = new URL(name, bundle).href;
    const refetched = await import(/* @vite-ignore */ chunk).then(
      () => true,
      () => false,
    );
    if (!refetched) this.skip();
    window.dispatchEvent(new Event('online'));
    await until(() => el.state === 'delivered', 'the kept entry to be delivered');
    expect(records(emulator).map((record) => record.entryId)).to.deep.equal([el.entryId]);
    expect(localStorage.getItem(key)).to.equal(null);
  });
});
