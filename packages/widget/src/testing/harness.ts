// Browser-test harness: the emulator behind AWS's real endpoint URLs (msw), element fixtures with a fresh campaign id
// each (so IndexedDB never carries entries from one test to the next), and small helpers to act like an entrant.
import type { Emulator } from '@campaign-entry/emulator';
import { createBrowserEmulator } from '@campaign-entry/emulator/browser';
import type { EntryRecord } from '@campaign-entry/sdk/rules';
import { fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CampaignEntry } from '../campaign-entry.component.js';
import type { CampaignEntryErrorEvent } from '../events/campaign-entry-error.js';
import '../campaign-entry.js';
import { until } from '@campaign-entry/sdk/testing';
import { endKioskSessions } from '../kiosk/kiosk-mode.js';

export { until };

/** The emulator's default identity pool (guests allowed). */
export const POOL_ID = 'us-east-1:00000000-0000-4000-8000-000000000000';

let counter = 0;

/** Swaps in a fresh emulator (two streams, seeded) behind the page's msw worker. */
export const useEmulator = createBrowserEmulator({ streams: [{ name: 'entries-0' }, { name: 'entries-1' }], seed: 7 });

/** A campaign id no earlier test used. */
export function freshCampaignId(): string {
  return `widget-${Date.now().toString(36)}-${++counter}`;
}

/** Attributes of a test element and its page; anything left out gets a working default. */
export interface EntryAttributes {
  readonly fields?: string;
  /** `null`: no locale attribute, so the element follows the page's lang and the browser's languages. */
  readonly locale?: string | null;
  /** The languages a campaign offers (`locales`); none by default. */
  readonly locales?: string;
  readonly minAge?: string;
  readonly opensAt?: string;
  readonly closesAt?: string;
  readonly timeZone?: string;
  readonly nextSteps?: string;
  readonly region?: string;
  readonly rulesUrl?: string;
  readonly privacyUrl?: string | null;
  /** Reuse a campaign id (another visit of the same device); a fresh one by default. */
  readonly campaignId?: string;
  /** The `lang` of the page around the element; none by default. */
  readonly pageLang?: string;
  /** The width of the page around the element in px, as on a phone's screen; the runner's page by default. */
  readonly pageWidth?: number;
  /** Hears every `campaign-entry-error`, from the first render on. */
  readonly onError?: (event: CampaignEntryErrorEvent) => void;
}

/** A `<campaign-entry>` wired to the emulator's pool and streams, rendered and ready, in a page of its own (a div). */
export async function entryForm(attributes: EntryAttributes = {}): Promise<CampaignEntry> {
  const page = await fixture<HTMLDivElement>(html`<div
    lang=${ifDefined(attributes.pageLang)}
    style=${ifDefined(attributes.pageWidth === undefined ? undefined : `width: ${attributes.pageWidth}px`)}
  >
    <campaign-entry
      @campaign-entry-error=${attributes.onError}
      region=${attributes.region ?? 'us-east-1'}
      identity-pool-id=${POOL_ID}
      delivery-stream="entries-0,entries-1"
      campaign-id=${attributes.campaignId ?? freshCampaignId()}
      fields=${attributes.fields ?? 'name,email'}
      rules-url=${attributes.rulesUrl ?? '/rules'}
      privacy-url=${attributes.privacyUrl === null ? '' : (attributes.privacyUrl ?? '/privacy')}
      locale=${ifDefined(attributes.locale === null ? undefined : (attributes.locale ?? 'en'))}
      locales=${ifDefined(attributes.locales)}
      min-age=${attributes.minAge ?? '21'}
      opens-at=${attributes.opensAt ?? ''}
      closes-at=${attributes.closesAt ?? ''}
      time-zone=${attributes.timeZone ?? ''}
      next-steps=${attributes.nextSteps ?? ''}
    ></campaign-entry>
  </div>`);
  const el = page.querySelector('campaign-entry') as CampaignEntry;
  await el.updateComplete;
  return el;
}

/**
 * Puts a `<campaign-entry kiosk>` for `campaignId` in the page (the kiosk replaces it for every entrant, so find it
 * again with {@link kioskForm}); `extraAttributes` add to or override the defaults.
 */
export function mountKiosk(campaignId: string, extraAttributes: Readonly<Record<string, string>> = {}): void {
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
    ...extraAttributes,
  };
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
}

/**
 * Puts `descriptor` in place of `navigator[property]` (an own property over the browser's, which some engines do not
 * have at all, such as WebKitGTK's `storage`), until the returned function runs.
 */
export function overrideNavigator(property: 'onLine' | 'storage', descriptor: PropertyDescriptor): () => void {
  Object.defineProperty(navigator, property, { configurable: true, ...descriptor });
  return () => {
    delete (navigator as Partial<Record<typeof property, unknown>>)[property];
  };
}

/** Closes the page's kiosks as closing the page would (entries stay stored) and removes their elements and staff views. */
export function clearKiosks(): void {
  endKioskSessions();
  for (const el of document.querySelectorAll('campaign-entry')) el.remove();
  for (const dialog of document.querySelectorAll('dialog[data-campaign-entry-staff]')) dialog.remove();
}

/** The kiosk element of `campaignId` now in the page, if any. */
export const kioskElement = (campaignId: string): CampaignEntry | null =>
  document.querySelector<CampaignEntry>(`campaign-entry[campaign-id="${campaignId}"]`);

/** The form of a kiosk element other than `previous`, once the kiosk has taken it over (autofill off). */
export async function kioskForm(campaignId: string, previous?: CampaignEntry): Promise<CampaignEntry> {
  let el: CampaignEntry | null = null;
  await until(() => {
    el = kioskElement(campaignId);
    const input = el?.shadowRoot?.querySelector('input#name');
    return !!el && el !== previous && input?.getAttribute('autocomplete') === 'off';
  }, 'a fresh kiosk form');
  return el as unknown as CampaignEntry;
}

/** An element of the shadow root; throws when it is missing so a test fails with a clear message. */
export function part<T extends Element = HTMLInputElement>(el: CampaignEntry, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`<campaign-entry> has no ${selector}`);
  return found;
}

/** Types `value` into a box as an entrant would (input event), then leaves it (focusout). */
export async function fillIn(el: CampaignEntry, id: string, value: string, leave = true): Promise<void> {
  const input = part(el, `#${id}`);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (leave) input.blur();
  await el.updateComplete;
}

/**
 * Taps Submit on the form as it is and waits for the refusal: from then on field checks are live (a field is checked
 * when left), as after an entrant's first submit.
 */
export async function refuseOnce(el: CampaignEntry): Promise<void> {
  const refused = new Promise((resolve) => el.addEventListener('campaign-entry-invalid', resolve, { once: true }));
  part(el, 'button[type=submit]').click();
  await refused;
  await el.updateComplete;
}

/** Ticks a checkbox. */
export async function tick(el: CampaignEntry, id: 'consent' | 'marketing'): Promise<void> {
  const box = part(el, `#${id}`);
  if (!box.checked) box.click();
  await el.updateComplete;
}

/**
 * Types a valid entry (`name`, `email`), ticks consent and taps Submit, as a kiosk entrant would; resolves once the
 * entrant is told the entry is saved (offline) or sent.
 */
export async function submitEntry(el: CampaignEntry, name: string, email: string): Promise<void> {
  await fillIn(el, 'name', name);
  await fillIn(el, 'email', email);
  await tick(el, 'consent');
  part(el, 'button[type=submit]').click();
  await until(() => el.state === 'queued' || el.state === 'delivered', `${name} to be told the entry is saved`);
}

/** The inputs of the element holding something typed or ticked (none on a fresh form). */
export function filledInputs(el: CampaignEntry): HTMLInputElement[] {
  return [...(el.shadowRoot?.querySelectorAll('input') ?? [])].filter((input) =>
    input.type === 'checkbox' ? input.checked : input.value !== '',
  );
}

/** The text of a field's error message. */
export function errorOf(el: CampaignEntry, field: string): string {
  return part<HTMLElement>(el, `#${field}-error`).textContent?.trim() ?? '';
}

/** The visible text of the element (shadow DOM), whitespace collapsed. */
export function textOf(el: CampaignEntry): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/gu, ' ').trim();
}

/** The records the emulator acknowledged, parsed. */
export function records(emulator: Emulator): EntryRecord[] {
  return emulator.records().map((record) => JSON.parse(record.data) as EntryRecord);
}
