// <campaign-entry kiosk>: one tablet, many entrants, offline at halftime. The real SDK and AWS SDK against the
// emulator (msw); every check reads the shadow DOM, IndexedDB and localStorage.
import { storageKey } from '@campaign-entry/sdk/rules';
import { expect } from '@open-wc/testing';
import type { CampaignEntry } from '../campaign-entry.component.js';
import { fillIn, freshCampaignId, POOL_ID, part, records, tick, until, useEmulator } from '../testing/harness.js';
import { endKioskSessions } from './kiosk-mode.js';

const ENTRANTS = 50;

/** How many records the campaign's IndexedDB store holds (the SDK's database, object store `entries`). */
function storedCount(campaignId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(storageKey(campaignId));
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('entries', 'readonly').objectStore('entries').count();
      request.onsuccess = () => {
        db.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
    };
  });
}

function mount(campaignId: string): void {
  const el = document.createElement('campaign-entry');
  const attributes = {
    kiosk: '',
    'kiosk-reset-seconds': '0.05',
    region: 'us-east-1',
    'identity-pool-id': POOL_ID,
    'delivery-stream': 'entries-0,entries-1',
    'campaign-id': campaignId,
    fields: 'name,email',
    'rules-url': '/rules',
    locale: 'en',
  };
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
}

const current = (campaignId: string) =>
  document.querySelector<CampaignEntry>(`campaign-entry[campaign-id="${campaignId}"]`);

/** The form of a kiosk element, once the kiosk has taken it over (autofill off). */
/**
 * Makes the browser report itself offline, as a tablet whose Wi-Fi dropped does, until the returned function runs.
 * The SDK then answers "saved" at once instead of after the kiosk's receipt window.
 */
function browserOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  return () => {
    delete (navigator as { onLine?: boolean }).onLine;
  };
}

async function freshForm(campaignId: string, previous: CampaignEntry | undefined): Promise<CampaignEntry> {
  let el: CampaignEntry | null = null;
  await until(() => {
    el = current(campaignId);
    const input = el?.shadowRoot?.querySelector('input#name');
    return !!el && el !== previous && input?.getAttribute('autocomplete') === 'off';
  }, 'a fresh kiosk form');
  return el as unknown as CampaignEntry;
}

describe('<campaign-entry kiosk>', function () {
  this.timeout(240_000);
  let restoreOnline: (() => void) | undefined;
  afterEach(() => {
    restoreOnline?.();
    restoreOnline = undefined;
    endKioskSessions();
    for (const el of document.querySelectorAll('campaign-entry')) el.remove();
  });

  it(`takes ${ENTRANTS} entrants offline, one after another, leaving nothing typed behind, and sends them all once online`, async () => {
    const emulator = await useEmulator({ faults: { offline: true } });
    // The first half with the browser saying it is offline (saved at once); the second half with the browser online
    // but AWS unreachable (a captive portal, a dead uplink: saved after the kiosk's receipt window).
    restoreOnline = browserOffline();
    const campaignId = freshCampaignId();
    mount(campaignId);
    let previous: CampaignEntry | undefined;
    for (let index = 0; index < ENTRANTS; index++) {
      const el = await freshForm(campaignId, previous);
      const inputs = [...(el.shadowRoot?.querySelectorAll('input') ?? [])];
      expect(inputs.map((input) => input.getAttribute('autocomplete'))).to.deep.equal(inputs.map(() => 'off'));
      expect(inputs.filter((input) => (input.type === 'checkbox' ? input.checked : input.value !== ''))).to.have.length(
        0,
      );
      expect(document.body.innerHTML + (el.shadowRoot?.innerHTML ?? '')).not.to.contain('kiosk-fan');
      await fillIn(el, 'name', `Fan ${index}`);
      await fillIn(el, 'email', `kiosk-fan${index}@example.com`);
      await tick(el, 'consent');
      part(el, 'button[type=submit]').click();
      await until(() => el.state === 'queued', `entrant ${index} to be told the entry is saved`);
      previous = el;
      if (index === ENTRANTS / 2 - 1) {
        restoreOnline?.();
        restoreOnline = undefined;
      }
      if (index === ENTRANTS / 2) {
        // The tablet is closed and opened again: a new client and element on the same campaign.
        endKioskSessions();
        el.remove();
        mount(campaignId);
      }
    }
    await freshForm(campaignId, previous);
    emulator.setFaults({ offline: false });
    window.dispatchEvent(new Event('online'));
    await until(
      () => new Set(records(emulator).map((record) => record.entryId)).size === ENTRANTS,
      'every entry delivered',
      60_000,
    );
    const emails = records(emulator).map((record) => record.fields.email);
    expect(new Set(emails).size).to.equal(ENTRANTS);
    const deadline = Date.now() + 30_000;
    while ((await storedCount(campaignId)) > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await storedCount(campaignId)).to.equal(0);
    expect(Object.keys(localStorage).filter((key) => key.includes(campaignId))).to.deep.equal([]);
  });
});
