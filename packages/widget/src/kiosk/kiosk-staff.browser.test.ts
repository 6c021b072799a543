// <campaign-entry kiosk> between entrants: an abandoned form, the staff view, and a tablet closed mid-way. The real SDK
// and AWS SDK against the emulator (msw); every wait is a poll with a deadline, never a fixed sleep.
import { expect } from '@open-wc/testing';
import type { CampaignEntry } from '../campaign-entry.component.js';
import { fillIn, freshCampaignId, POOL_ID, part, records, tick, until, useEmulator } from '../testing/harness.js';
import { endKioskSessions } from './kiosk-mode.js';

const PIN = '4321';

function mount(campaignId: string, extra: Record<string, string> = {}): void {
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
    ...extra,
  };
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
}

const current = (campaignId: string) =>
  document.querySelector<CampaignEntry>(`campaign-entry[campaign-id="${campaignId}"]`);

/** The form of a kiosk element other than `previous`, once the kiosk has taken it over (autofill off). */
async function freshForm(campaignId: string, previous?: CampaignEntry): Promise<CampaignEntry> {
  let el: CampaignEntry | null = null;
  await until(() => {
    el = current(campaignId);
    const input = el?.shadowRoot?.querySelector('input#name');
    return !!el && el !== previous && input?.getAttribute('autocomplete') === 'off';
  }, 'a fresh kiosk form');
  return el as unknown as CampaignEntry;
}

/** Types one entry and submits it; resolves once the entrant is told it is saved (offline) or sent. */
async function enter(el: CampaignEntry, index: number): Promise<void> {
  await fillIn(el, 'name', `Fan ${index}`);
  await fillIn(el, 'email', `kiosk-staff-fan${index}@example.com`);
  await tick(el, 'consent');
  part(el, 'button[type=submit]').click();
  await until(
    () => el.state === 'queued' || el.state === 'delivered',
    `entrant ${index} to be told the entry is saved`,
  );
}

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

function sendNow(): HTMLButtonElement {
  const button = [...(staffDialog()?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Send now');
  if (!button) throw new Error('the staff view has no "Send now"');
  return button;
}

describe('<campaign-entry kiosk> between entrants', function () {
  this.timeout(90_000);
  afterEach(() => {
    endKioskSessions();
    for (const el of document.querySelectorAll('campaign-entry')) el.remove();
    for (const dialog of document.querySelectorAll('dialog[data-campaign-entry-staff]')) dialog.remove();
  });

  it('empties a half-filled form left alone for kiosk-idle-seconds, keeping nothing typed in the element', async () => {
    await useEmulator({ faults: { offline: true } });
    const campaignId = freshCampaignId();
    mount(campaignId, { 'kiosk-idle-seconds': '1' });
    const abandoned = await freshForm(campaignId);
    await fillIn(abandoned, 'name', 'Walked Away');
    await fillIn(abandoned, 'email', 'walked-away@example.com');
    await tick(abandoned, 'consent');
    const fresh = await freshForm(campaignId, abandoned);
    expect(abandoned.isConnected).to.equal(false);
    expect(document.querySelectorAll('campaign-entry')).to.have.length(1);
    const inputs = [...(fresh.shadowRoot?.querySelectorAll('input') ?? [])];
    expect(inputs.length).to.be.greaterThan(0);
    expect(inputs.filter((input) => (input.type === 'checkbox' ? input.checked : input.value !== ''))).to.have.length(
      0,
    );
    const page = document.body.innerHTML + (fresh.shadowRoot?.innerHTML ?? '');
    expect(page).not.to.contain('Walked Away');
    expect(page).not.to.contain('walked-away');
    expect(fresh.state).to.equal('ready');
  });

  it('opens the staff view only with the right PIN, shows what waits and the storage, and sends it on "Send now"', async () => {
    const emulator = await useEmulator({ faults: { offline: true } });
    const campaignId = freshCampaignId();
    mount(campaignId, { 'staff-pin': PIN });
    const first = await freshForm(campaignId);
    await enter(first, 0);
    const entryId = first.entryId;
    await freshForm(campaignId, first);

    // A long press on the element asks for the PIN; a wrong one closes the view without showing anything.
    current(campaignId)?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
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
    sendNow().click();
    await until(() => records(emulator).some((record) => record.entryId === entryId), 'the entry to be delivered');
    await until(() => staffText().includes('Entries waiting on this tablet: 0'), 'the staff view to show none waiting');
    expect(staffText()).not.to.contain('Last delivery: none yet');
    expect(records(emulator).map((record) => record.entryId)).to.deep.equal([entryId]);
  });

  it('loses nothing when the page is closed mid-way and opened again online', async () => {
    const emulator = await useEmulator({ faults: { offline: true } });
    const campaignId = freshCampaignId();
    mount(campaignId);
    const saved: string[] = [];
    let previous: CampaignEntry | undefined;
    for (let index = 0; index < 2; index++) {
      const el = await freshForm(campaignId, previous);
      await enter(el, index);
      expect(el.state).to.equal('queued');
      saved.push(el.entryId ?? '');
      previous = el;
    }
    // The page is closed: the tablet's client goes, its element too; the entries stay stored.
    endKioskSessions();
    for (const el of document.querySelectorAll('campaign-entry')) el.remove();
    expect(records(emulator)).to.have.length(0);

    // Opened again with the network back: the new page's element sends what the last one saved.
    emulator.setFaults({ offline: false });
    mount(campaignId);
    await freshForm(campaignId);
    await until(() => records(emulator).length >= saved.length, 'every saved entry delivered');
    expect(
      records(emulator)
        .map((record) => record.entryId)
        .sort(),
    ).to.deep.equal([...saved].sort());
  });
});
