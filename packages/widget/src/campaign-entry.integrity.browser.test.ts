// What the element gives away: no field value in any event (every script on the page hears them), no link but http(s)
// or relative, and an age gate that hints at nothing before submit and stays shut on this device after it.
import { storageKey } from '@campaign-entry/sdk/rules';
import { expect } from '@open-wc/testing';
import type { CampaignEntryErrorEvent } from './events/campaign-entry-error.js';
import {
  entryForm,
  errorOf,
  fillIn,
  freshCampaignId,
  part,
  records,
  textOf,
  tick,
  until,
  useEmulator,
} from './testing/harness.js';

const EVENTS = ['campaign-entry-delivered', 'campaign-entry-queued', 'campaign-entry-invalid', 'campaign-entry-error'];
const cleanups: (() => void)[] = [];

/** Every campaign-entry event that reaches `document`, as a tag manager would see it: its detail as JSON. */
function overhear(): string[] {
  const heard: string[] = [];
  const listener = (event: Event) => {
    const { detail } = event as CustomEvent;
    // Errors serialize to {}: their message is part of what a listener reads.
    heard.push(
      `${event.type} ${JSON.stringify(detail, (_, value) => (value instanceof Error ? { ...value, message: value.message } : value))}`,
    );
  };
  for (const name of EVENTS) document.addEventListener(name, listener);
  cleanups.push(() => {
    for (const name of EVENTS) document.removeEventListener(name, listener);
  });
  return heard;
}

const lastYears = (years: number) => String(new Date().getUTCFullYear() - years);

describe('<campaign-entry> integrity', () => {
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('lets a listener on document hear entry ids and status, never a field value', async () => {
    const emulator = await useEmulator();
    const heard = overhear();
    const el = await entryForm({ fields: 'name,email,birth-date' });
    part(el, 'button[type=submit]').click(); // an invalid submit first: campaign-entry-invalid
    await until(() => heard.some((text) => text.startsWith('campaign-entry-invalid')), 'the invalid event');
    await fillIn(el, 'name', 'Zelda Quartermaine');
    await fillIn(el, 'email', 'zelda.q@example.org');
    await fillIn(el, 'bday-month', '07', false);
    await fillIn(el, 'bday-day', '19', false);
    await fillIn(el, 'bday-year', '1983');
    await tick(el, 'consent');
    part(el, 'button[type=submit]').click();
    await until(() => el.state === 'delivered', 'the delivered state');
    expect(records(emulator)).to.have.length(1);
    const delivered = heard.filter((text) => text.startsWith('campaign-entry-delivered'));
    expect(delivered).to.deep.equal([`campaign-entry-delivered ${JSON.stringify({ entryId: el.entryId })}`]);
    for (const text of heard) {
      for (const value of ['Zelda', 'Quartermaine', 'zelda.q', 'example.org', '1983', '07-19']) {
        expect(text).to.not.contain(value);
      }
    }
    expect(el.record?.fields.email).to.equal('zelda.q@example.org', 'the page owner reads it from the element');
  });

  it('refuses a rules or privacy link that is not http(s) or relative: a neutral panel, the problem in the event', async () => {
    const errors: CampaignEntryErrorEvent[] = [];
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    cleanups.push(() => {
      console.error = original;
    });
    const el = await entryForm({
      rulesUrl: 'javascript:alert(1)',
      privacyUrl: 'data:text/html,x',
      onError: (event) => errors.push(event),
    });
    await until(() => el.state === 'misconfigured', 'the configuration panel');
    await until(() => errors.length > 0, 'the configuration error event');
    expect(el.shadowRoot?.querySelector('form, a')).to.equal(null);
    expect(textOf(el)).to.contain('Entries are unavailable right now');
    expect(textOf(el)).to.not.contain('javascript');
    const message = errors[0]?.detail.error.message ?? '';
    expect(message).to.contain('rules-url must be an http(s) or relative URL');
    expect(message).to.contain('privacy-url must be an http(s) or relative URL');
    expect(logged.flat().join(' ')).to.contain('rules-url must be an http(s) or relative URL');

    el.setAttribute('rules-url', 'https://brand.example/rules');
    el.setAttribute('privacy-url', 'privacy.html');
    await until(() => el.state === 'ready', 'the form once the links are fixed');
  });

  it('hints at no age before submit, then shuts the gate on this device for the campaign', async () => {
    const emulator = await useEmulator();
    const campaignId = freshCampaignId();
    const el = await entryForm({ campaignId, fields: 'email,birth-date' });
    const year = lastYears(15);
    await fillIn(el, 'email', 'kid@example.com');
    await fillIn(el, 'bday-month', '06', false);
    await fillIn(el, 'bday-day', '01', false);
    await fillIn(el, 'bday-year', year); // leaving the year box
    await new Promise((resolve) => setTimeout(resolve, 100));
    await el.updateComplete;
    expect(errorOf(el, 'birth-date')).to.equal('');
    expect(part(el, '#bday-year').getAttribute('aria-invalid')).to.equal('false');
    expect(textOf(el)).to.not.match(/21|older|age/iu, 'nothing names the cut-off before submit');

    await tick(el, 'consent');
    part(el, 'button[type=submit]').click();
    await until(() => el.state === 'ineligible', 'the not-eligible state');
    expect(textOf(el)).to.contain('Sorry, you are not eligible to enter this competition.');
    expect(textOf(el)).to.not.match(/21|older|Sending/iu);
    expect(part<HTMLElement>(el, '[role=status]').textContent?.trim()).to.equal('');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(emulator.records()).to.have.length(0, 'never sent');
    expect(localStorage.getItem(storageKey(campaignId, 'ineligible'))).to.equal('1');
    for (let index = 0; index < localStorage.length; index++) {
      const key = localStorage.key(index) ?? '';
      expect(`${key}=${localStorage.getItem(key)}`).to.not.contain(year, 'no birth date kept');
    }
    expect(await storedEntries(campaignId)).to.equal(0, 'never stored');

    // A reload: the same device and campaign get the same answer, not a fresh form.
    el.remove();
    const again = await entryForm({ campaignId, fields: 'email,birth-date' });
    expect(again.state).to.equal('ineligible');
    expect(again.shadowRoot?.querySelector('form')).to.equal(null);
    // Another campaign on the same device is not affected.
    const other = await entryForm({ fields: 'email,birth-date' });
    expect(other.state).to.equal('ready');
  });
});

/** Entries in the campaign's IndexedDB store (0 when the database was never made). */
async function storedEntries(campaignId: string): Promise<number> {
  const name = storageKey(campaignId);
  const databases = await indexedDB.databases();
  if (!databases.some((database) => database.name === name)) return 0;
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('entries')) {
        db.close();
        return resolve(0);
      }
      const count = db.transaction('entries').objectStore('entries').count();
      count.onsuccess = () => {
        db.close();
        resolve(count.result);
      };
      count.onerror = () => reject(count.error);
    };
  });
}
