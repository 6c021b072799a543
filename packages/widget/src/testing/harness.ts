// Browser-test harness: the emulator behind AWS's real endpoint URLs (msw), element fixtures with a fresh campaign id
// each (so IndexedDB never carries entries from one test to the next), and small helpers to act like an entrant.
import type { Emulator } from '@campaign-entry/emulator';
import { createBrowserEmulator } from '@campaign-entry/emulator/browser';
import type { EntryRecord } from '@campaign-entry/sdk/rules';
import { fixture, html } from '@open-wc/testing';
import type { CampaignEntry } from '../campaign-entry.component.js';
import '../campaign-entry.js';
import { until } from '@campaign-entry/sdk/testing';

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

/** Attributes of a test element; anything left out gets a working default. */
export interface EntryAttributes {
  readonly fields?: string;
  readonly locale?: string;
  readonly minAge?: string;
  readonly opensAt?: string;
  readonly closesAt?: string;
  readonly timeZone?: string;
  readonly nextSteps?: string;
  readonly region?: string;
  readonly privacyUrl?: string | null;
  /** Reuse a campaign id (another visit of the same device); a fresh one by default. */
  readonly campaignId?: string;
}

/** A `<campaign-entry>` wired to the emulator's pool and streams, rendered and ready. */
export async function entryForm(attributes: EntryAttributes = {}): Promise<CampaignEntry> {
  const el = await fixture<CampaignEntry>(html`<campaign-entry
    region=${attributes.region ?? 'us-east-1'}
    identity-pool-id=${POOL_ID}
    delivery-stream="entries-0,entries-1"
    campaign-id=${attributes.campaignId ?? freshCampaignId()}
    fields=${attributes.fields ?? 'name,email'}
    rules-url="/rules"
    privacy-url=${attributes.privacyUrl === null ? '' : (attributes.privacyUrl ?? '/privacy')}
    locale=${attributes.locale ?? 'en'}
    min-age=${attributes.minAge ?? '21'}
    opens-at=${attributes.opensAt ?? ''}
    closes-at=${attributes.closesAt ?? ''}
    time-zone=${attributes.timeZone ?? ''}
    next-steps=${attributes.nextSteps ?? ''}
  ></campaign-entry>`);
  await el.updateComplete;
  return el;
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
