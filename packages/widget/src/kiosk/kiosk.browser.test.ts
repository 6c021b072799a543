// <campaign-entry kiosk>: one tablet, many entrants, offline at halftime. The real SDK and AWS SDK against the
// emulator (msw); every check reads the shadow DOM, IndexedDB and localStorage.
import { storageKey } from '@campaign-entry/sdk/rules';
import { expect } from '@open-wc/testing';
import type { CampaignEntry } from '../campaign-entry.component.js';
import {
  clearKiosks,
  filledInputs,
  freshCampaignId,
  kioskForm,
  mountKiosk,
  overrideNavigator,
  records,
  submitEntry,
  until,
  useEmulator,
} from '../testing/harness.js';
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

describe('<campaign-entry kiosk>', function () {
  this.timeout(240_000);
  let restoreOnline: (() => void) | undefined;
  afterEach(() => {
    restoreOnline?.();
    restoreOnline = undefined;
    clearKiosks();
  });

  it(`takes ${ENTRANTS} entrants offline, one after another, leaving nothing typed behind, and sends them all once online`, async () => {
    const emulator = await useEmulator({ faults: { offline: true } });
    // The first half with the browser saying it is offline (saved at once); the second half with the browser online
    // but AWS unreachable (a captive portal, a dead uplink: saved after the kiosk's receipt window).
    // The browser reports itself offline, as a tablet whose Wi-Fi dropped does: the SDK answers "saved" at once
    // instead of after the kiosk's receipt window.
    restoreOnline = overrideNavigator('onLine', { get: () => false });
    const campaignId = freshCampaignId();
    mountKiosk(campaignId);
    let previous: CampaignEntry | undefined;
    for (let index = 0; index < ENTRANTS; index++) {
      const el = await kioskForm(campaignId, previous);
      const inputs = [...(el.shadowRoot?.querySelectorAll('input') ?? [])];
      expect(inputs.map((input) => input.getAttribute('autocomplete'))).to.deep.equal(inputs.map(() => 'off'));
      expect(filledInputs(el)).to.have.length(0);
      expect(document.body.innerHTML + (el.shadowRoot?.innerHTML ?? '')).not.to.contain('kiosk-fan');
      await submitEntry(el, `Fan ${index}`, `kiosk-fan${index}@example.com`);
      expect(el.state).to.equal('queued');
      previous = el;
      if (index === ENTRANTS / 2 - 1) {
        restoreOnline?.();
        restoreOnline = undefined;
      }
      if (index === ENTRANTS / 2) {
        // The tablet is closed and opened again: a new client and element on the same campaign.
        endKioskSessions();
        el.remove();
        mountKiosk(campaignId);
      }
    }
    await kioskForm(campaignId, previous);
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
