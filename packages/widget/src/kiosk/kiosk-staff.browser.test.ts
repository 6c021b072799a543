// <campaign-entry kiosk> between entrants: an abandoned form, the staff view, and a tablet closed mid-way. The real SDK
// and AWS SDK against the emulator (msw); every wait is a poll with a deadline, never a fixed sleep.
import { expect } from '@open-wc/testing';
import type { CampaignEntry } from '../campaign-entry.component.js';
import {
  clearKiosks,
  filledInputs,
  fillIn,
  freshCampaignId,
  kioskElement,
  kioskForm,
  mountKiosk,
  overrideNavigator,
  records,
  submitEntry,
  tick,
  until,
  useEmulator,
} from '../testing/harness.js';

const PIN = '4321';

const staffDialog = () => document.querySelector<HTMLDialogElement>('dialog[data-campaign-entry-staff]');
const staffText = () => (staffDialog()?.textContent ?? '').replace(/\s+/gu, ' ');

/** The staff shortcut, as a keyboard on the tablet sends it. */
function pressShortcut(): void {
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'S', ctrlKey: true, shiftKey: true, bubbles: true }));
}

/** Types `pin` into the staff view's PIN box once it asks, and confirms. */
async function enterPin(pin: string): Promise<void> {
  let input: HTMLInputElement | null | undefined;
  await until(() => {
    input = staffDialog()?.querySelector<HTMLInputElement>('input[type=password]');
    return !!input && staffDialog()?.open === true;
  }, 'the staff view to ask for the PIN');
  const box = input as HTMLInputElement;
  box.value = pin;
  const button = box.form?.querySelector('button');
  if (!button) throw new Error('the PIN form has no button');
  button.click();
}

/** The staff view's button labelled `label`. */
function staffButton(label: 'Send now' | 'Close'): HTMLButtonElement {
  const button = [...(staffDialog()?.querySelectorAll('button') ?? [])].find((b) => b.textContent === label);
  if (!button) throw new Error(`the staff view has no "${label}"`);
  return button;
}

describe('<campaign-entry kiosk> between entrants', function () {
  this.timeout(90_000);
  let restoreStorage: (() => void) | undefined;
  afterEach(() => {
    restoreStorage?.();
    restoreStorage = undefined;
    clearKiosks();
  });

  it('empties a half-filled form left alone for kiosk-idle-seconds, keeping nothing typed in the element', async () => {
    await useEmulator({ faults: { offline: true } });
    const campaignId = freshCampaignId();
    mountKiosk(campaignId, { 'kiosk-idle-seconds': '1' });
    const abandoned = await kioskForm(campaignId);
    await fillIn(abandoned, 'name', 'Walked Away');
    await fillIn(abandoned, 'email', 'walked-away@example.com');
    await tick(abandoned, 'consent');
    const fresh = await kioskForm(campaignId, abandoned);
    expect(abandoned.isConnected).to.equal(false);
    expect(document.querySelectorAll('campaign-entry')).to.have.length(1);
    const inputs = [...(fresh.shadowRoot?.querySelectorAll('input') ?? [])];
    expect(inputs.length).to.be.greaterThan(0);
    expect(filledInputs(fresh)).to.have.length(0);
    const page = document.body.innerHTML + (fresh.shadowRoot?.innerHTML ?? '');
    expect(page).not.to.contain('Walked Away');
    expect(page).not.to.contain('walked-away');
    expect(fresh.state).to.equal('ready');
  });

  it('opens the staff view only with the right PIN, shows what waits and the storage, and sends it on "Send now"', async () => {
    const emulator = await useEmulator({ faults: { offline: true } });
    const campaignId = freshCampaignId();
    mountKiosk(campaignId, { 'staff-pin': PIN });
    const first = await kioskForm(campaignId);
    await submitEntry(first, 'Fan 0', 'kiosk-staff-fan0@example.com');
    const entryId = first.entryId;
    await kioskForm(campaignId, first);

    // A long press on the element asks for the PIN; a wrong one closes the view without showing anything.
    kioskElement(campaignId)?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await enterPin('0000');
    await until(() => staffDialog() === null, 'the staff view to close after a wrong PIN');
    expect(document.body.textContent ?? '').not.to.contain('Entries waiting');

    // The shortcut, then the right PIN: entries waiting, last delivery, storage used and left.
    pressShortcut();
    await enterPin(PIN);
    await until(() => staffText().includes('Entries waiting'), 'the staff view to show its figures');
    expect(staffText()).to.contain('Entries waiting on this tablet: 1 (at most 20000)');
    expect(staffText()).to.contain('Last delivery: none yet');
    expect(staffText()).to.match(/Storage used: (\d+\.\d MB|unknown), left: (\d+\.\d MB|unknown)/u);
    expect(records(emulator)).to.have.length(0);

    // Back online (no `online` event): "Send now" delivers the waiting entry and the view says none is left.
    emulator.setFaults({ offline: false });
    staffButton('Send now').click();
    await until(() => records(emulator).some((record) => record.entryId === entryId), 'the entry to be delivered');
    await until(() => staffText().includes('Entries waiting on this tablet: 0'), 'the staff view to show none waiting');
    expect(staffText()).not.to.contain('Last delivery: none yet');
    expect(records(emulator).map((record) => record.entryId)).to.deep.equal([entryId]);
  });

  it('asks the browser to keep its storage, and warns staff only once the storage estimate says the quota is nearly full', async () => {
    await useEmulator({ faults: { offline: true } });
    const quota = 1_000_000_000;
    let usage = 500_000_000;
    let persistRequests = 0;
    // A storage manager with only these methods, in all engines (WebKitGTK has none of its own).
    restoreStorage = overrideNavigator('storage', {
      value: {
        estimate: async () => ({ usage, quota }),
        persist: async () => {
          persistRequests++;
          return true;
        },
      },
    });
    const campaignId = freshCampaignId();
    mountKiosk(campaignId);
    await kioskForm(campaignId);
    await until(() => persistRequests > 0, 'the kiosk to ask for persistent storage');
    expect(persistRequests).to.equal(1);

    // Half the quota used: the figures, no warning.
    pressShortcut();
    await until(() => staffText().includes('Storage used'), 'the staff view to show its figures');
    expect(staffText()).to.contain('Storage used: 500.0 MB, left: 500.0 MB');
    expect(staffText()).not.to.contain('WARNING');
    staffButton('Close').click();
    await until(() => staffDialog() === null, 'the staff view to close');

    // 85 % of the quota used (over the 80 % share): the warning.
    usage = 850_000_000;
    pressShortcut();
    await until(() => staffText().includes('Storage used'), 'the staff view to show its figures again');
    expect(staffText()).to.contain('Storage used: 850.0 MB, left: 150.0 MB');
    expect(staffText()).to.contain('WARNING: storage nearly full. Get the tablet online, or swap it.');
  });

  it('loses nothing when the page is closed mid-way and opened again online', async () => {
    const emulator = await useEmulator({ faults: { offline: true } });
    const campaignId = freshCampaignId();
    mountKiosk(campaignId);
    const saved: string[] = [];
    let previous: CampaignEntry | undefined;
    for (let index = 0; index < 2; index++) {
      const el = await kioskForm(campaignId, previous);
      await submitEntry(el, `Fan ${index}`, `kiosk-staff-fan${index}@example.com`);
      expect(el.state).to.equal('queued');
      saved.push(el.entryId ?? '');
      previous = el;
    }
    // The page is closed: the tablet's client goes, its element too; the entries stay stored.
    clearKiosks();
    expect(records(emulator)).to.have.length(0);

    // Opened again with the network back: the new page's element sends what the last one saved.
    emulator.setFaults({ offline: false });
    mountKiosk(campaignId);
    await kioskForm(campaignId);
    await until(() => records(emulator).length >= saved.length, 'every saved entry delivered');
    expect(
      records(emulator)
        .map((record) => record.entryId)
        .sort(),
    ).to.deep.equal([...saved].sort());
  });
});
