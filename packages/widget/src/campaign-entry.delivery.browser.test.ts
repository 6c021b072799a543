// <campaign-entry> sending real entries: the element's own SDK client, the real AWS SDK chunk, guest credentials from
// the emulator's Cognito and records into the emulator's Firehose (msw). Every test checks what the emulator received.
import { type CampaignClient, CampaignEntryError, createCampaignClient, type SubmitReceipt } from '@campaign-entry/sdk';
import { createMemoryTransport } from '@campaign-entry/sdk/testing';
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { CampaignEntry } from './campaign-entry.component.js';
import type { CampaignEntryDeliveredEvent } from './events/campaign-entry-delivered.js';
import type { CampaignEntryErrorEvent } from './events/campaign-entry-error.js';
import type { CampaignEntryQueuedEvent } from './events/campaign-entry-queued.js';
import { entryForm, fillIn, part, records, textOf, tick, until, useEmulator } from './testing/harness.js';

interface Seen {
  delivered: CampaignEntryDeliveredEvent[];
  queued: CampaignEntryQueuedEvent[];
  errors: CampaignEntryErrorEvent[];
}

function listen(el: CampaignEntry): Seen {
  const seen: Seen = { delivered: [], queued: [], errors: [] };
  // On document: the events bubble out of the element and cross shadow boundaries.
  const on = <E extends Event>(name: string, list: E[]) => {
    const handler = (event: Event) => {
      if (event.target === el) list.push(event as E);
    };
    document.addEventListener(name, handler);
    cleanups.push(() => document.removeEventListener(name, handler));
  };
  on('campaign-entry-delivered', seen.delivered);
  on('campaign-entry-queued', seen.queued);
  on('campaign-entry-error', seen.errors);
  return seen;
}

const cleanups: (() => void)[] = [];

async function fillValid(el: CampaignEntry): Promise<void> {
  await fillIn(el, 'name', 'Ada Lovelace');
  await fillIn(el, 'email', 'ada@example.com');
  await tick(el, 'consent');
}

function submit(el: CampaignEntry): void {
  part(el, 'button[type=submit]').click();
}

// Only Chromium's DevTools protocol can emulate media features here (Firefox's BiDi and WebKit's WebDriver cannot).
const CAN_EMULATE_MEDIA = /Chrome\//u.test(navigator.userAgent);

async function mediaEmulated(media: Parameters<typeof emulateMedia>[0]): Promise<boolean> {
  if (!CAN_EMULATE_MEDIA) return false;
  await emulateMedia(media);
  return true;
}

describe('<campaign-entry> sending entries', () => {
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await mediaEmulated({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  it('loads the AWS code and guest credentials when the form first gets focus, before Submit', async () => {
    const emulator = await useEmulator();
    const el = await entryForm();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(emulator.stats().cognito.getId).to.equal(0);
    part(el, '#name').focus();
    await until(() => emulator.stats().cognito.getCredentials > 0, 'guest credentials');
    expect(emulator.records()).to.have.length(0);
  });

  it('sends the entry and says "You\'re in", with the fields, consent and meta in the record', async () => {
    const emulator = await useEmulator();
    const el = await entryForm({ fields: 'name,email,phone,postal-code,birth-date' });
    const seen = listen(el);
    await fillIn(el, 'name', '  Ada   Lovelace ');
    await fillIn(el, 'email', 'Ada@Example.COM');
    await fillIn(el, 'phone', '+1 (555) 123-4567');
    await fillIn(el, 'postal-code', 'sw1a 1aa');
    await fillIn(el, 'bday-month', '12', false);
    await fillIn(el, 'bday-day', '10', false);
    await fillIn(el, 'bday-year', '1990');
    await tick(el, 'consent');
    await tick(el, 'marketing');
    submit(el);
    await until(() => el.state === 'delivered', 'the delivered state');
    expect(textOf(el)).to.contain("You're in!");
    expect(el.getAttribute('state')).to.equal('delivered');
    const [record] = records(emulator);
    expect(record?.entryId).to.equal(el.entryId);
    expect(record?.campaignId).to.match(/^widget-/u);
    expect(record?.fields).to.deep.equal({
      name: 'Ada Lovelace',
      email: 'Ada@example.com',
      phone: '+15551234567',
      'postal-code': 'SW1A 1AA',
      'birth-date': '1990-12-10',
    });
    expect(record?.consent).to.deep.equal({ rules: true, marketing: true });
    expect(record?.meta.locale).to.equal('en');
    expect(record?.meta.suspect).to.equal(false);
    expect(record?.meta.fillMs).to.be.a('number').and.to.be.at.least(0);
    expect(seen.delivered.map((event) => event.detail.entryId)).to.deep.equal([el.entryId]);
    expect(seen.delivered[0]?.detail).to.deep.equal({ entryId: el.entryId }, 'the id only, never a field value');
    expect(el.record).to.deep.equal(record, 'the record is read from the element');
    expect(seen.delivered[0]?.bubbles && seen.delivered[0]?.composed).to.equal(true);
    await until(() => el.shadowRoot?.activeElement?.tagName === 'H2', 'focus on the confirmation');
    await expect(el).to.be.accessible();
  });

  it('shows "Sending…" on a slow network and ignores further taps', async () => {
    const emulator = await useEmulator({ faults: { latencyMs: 1500 } });
    const el = await entryForm();
    await fillValid(el);
    submit(el);
    await el.updateComplete;
    expect(el.state).to.equal('sending');
    const button = part(el, 'button[type=submit]');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent?.trim()).to.equal('Sending your entry…');
    expect(part(el, '[role=status]').textContent?.trim()).to.equal('Sending your entry…');
    await expect(el).to.be.accessible();
    submit(el);
    submit(el);
    await until(() => el.state === 'delivered' || el.state === 'queued', 'an answer');
    await until(() => emulator.records().length === 1, 'the record');
  });

  it('makes one entry from a double tap and a repeated submit', async () => {
    const emulator = await useEmulator();
    const el = await entryForm();
    const seen = listen(el);
    await fillValid(el);
    submit(el);
    submit(el);
    part<HTMLFormElement>(el, 'form').requestSubmit();
    await until(() => el.state === 'delivered', 'the delivered state');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(records(emulator).map((record) => record.entryId)).to.deep.equal([el.entryId]);
    expect(seen.delivered).to.have.length(1);
  });

  it('saves the entry on the device while offline, then switches to "You\'re in" when the network is back', async () => {
    const emulator = await useEmulator({ faults: { offline: true } });
    const el = await entryForm();
    const seen = listen(el);
    await fillValid(el);
    submit(el);
    await until(() => el.state === 'queued', 'the queued state');
    expect(textOf(el)).to.contain('Saved on this device, sending…');
    expect(seen.queued.map((event) => [event.detail.entryId, event.detail.storage])).to.deep.equal([
      [el.entryId, 'indexeddb'],
    ]);
    expect(el.shadowRoot?.activeElement?.tagName).to.equal('H2');
    await expect(el).to.be.accessible();
    if (await mediaEmulated({ reducedMotion: 'reduce' })) {
      expect(getComputedStyle(part<HTMLElement>(el, '.spinner')).animationName).to.equal('none');
    }
    expect(emulator.records()).to.have.length(0);
    emulator.setFaults({ offline: false });
    window.dispatchEvent(new Event('online'));
    await until(() => el.state === 'delivered', 'the switch to delivered');
    expect(textOf(el)).to.contain("You're in!");
    expect(records(emulator).map((record) => record.entryId)).to.deep.equal([el.entryId]);
    expect(seen.delivered.map((event) => event.detail.entryId)).to.deep.equal([el.entryId]);
    expect(el.shadowRoot?.activeElement?.tagName).to.equal('H2');
  });

  it('tells an entrant who comes back that the entry this device saved is still being sent, then that it is in', async () => {
    const emulator = await useEmulator({ faults: { offline: true } });
    const first = await entryForm();
    const campaignId = first.getAttribute('campaign-id') as string;
    await fillValid(first);
    submit(first);
    await until(() => first.state === 'queued', 'the first visit to save the entry');
    first.remove(); // the page is closed with the entry stored
    const again = await entryForm({ campaignId });
    await until(() => textOf(again).includes('An entry from this device is still being sent'), 'the notice');
    expect(again.state).to.equal('ready');
    await expect(again).to.be.accessible();
    // Starting another entry: the notice must still give way once the earlier one lands, never stay there stale.
    await fillIn(again, 'name', 'Grace Hopper');
    emulator.setFaults({ offline: false });
    window.dispatchEvent(new Event('online'));
    await until(() => textOf(again).includes('Your earlier entry from this device is in'), 'the earlier entry to land');
    expect(records(emulator)).to.have.length(1);
    expect(again.state).to.equal('ready');
  });

  it('keeps a suspected bot entry, flagged, when the hidden honeypot field is filled', async () => {
    const emulator = await useEmulator();
    const el = await entryForm();
    await fillValid(el);
    part(el, '#website').value = 'https://spam.example';
    submit(el);
    await until(() => emulator.records().length === 1, 'the record');
    expect(records(emulator)[0]?.meta.suspect).to.equal(true);
  });

  it('records the Spanish locale for an entry made in Spanish', async () => {
    const emulator = await useEmulator();
    const el = await entryForm({ locale: 'es' });
    await until(() => textOf(el).includes('Participar'), 'the Spanish copy');
    await fillValid(el);
    submit(el);
    await until(() => el.state === 'delivered', 'the delivered state');
    expect(textOf(el)).to.contain('¡Ya estás participando!');
    expect(records(emulator)[0]?.meta.locale).to.equal('es');
  });

  it('tells the page about a missing delivery stream while the entrant sees the entry saved', async () => {
    const emulator = await useEmulator();
    const el = await entryForm();
    el.deliveryStream = 'no-such-stream';
    await el.updateComplete;
    const seen = listen(el);
    await fillValid(el);
    submit(el);
    await until(() => seen.errors.length > 0, 'campaign-entry-error');
    expect(seen.errors[0]?.detail).to.include({ entryId: el.entryId, stored: true });
    expect(seen.errors[0]?.detail.error.code).to.equal('stream-not-found');
    await until(() => el.state === 'queued', 'the queued state');
    expect(emulator.records()).to.have.length(0);
  });

  it('shows a clear error, keeps what was typed and offers to try again when the entry cannot be kept', async () => {
    await useEmulator();
    const el = await entryForm();
    const seen = listen(el);
    const refusing: CampaignClient = {
      ...createCampaignClient({
        region: 'us-east-1',
        identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000',
        deliveryStreams: 'entries-0',
        campaignId: 'refusing',
        storage: 'memory',
        transport: createMemoryTransport(),
      }),
      submit: async (): Promise<SubmitReceipt> => ({
        status: 'rejected',
        error: new CampaignEntryError('queue-full', 'This device already holds 500 unsent entries.', {
          retryable: false,
        }),
      }),
    };
    el.client = refusing;
    await el.updateComplete;
    await fillValid(el);
    submit(el);
    await until(() => el.state === 'failed', 'the failed state');
    expect(part<HTMLElement>(el, '[role=alert]').textContent?.replace(/\s+/gu, ' ').trim()).to.equal(
      'Your entry was not saved This device already holds too many entries waiting to be sent.',
    );
    expect(part(el, 'button[type=submit]').textContent?.trim()).to.equal('Try again');
    expect(part(el, '#name').value).to.equal('Ada Lovelace');
    expect(seen.errors.map((event) => [event.detail.error.code, event.detail.stored])).to.deep.equal([
      ['queue-full', false],
    ]);
    await expect(el).to.be.accessible();
  });

  it('follows dark mode and stays accessible in it (skipped where the test runner cannot emulate prefers-color-scheme: Firefox, WebKitGTK)', async function () {
    if (!(await mediaEmulated({ colorScheme: 'dark' }))) this.skip();
    const el = await entryForm();
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(29, 27, 32)');
    await expect(el).to.be.accessible();
  });
});
