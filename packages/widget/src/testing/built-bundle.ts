// For tests of the BUILT script-tag bundle (dist/campaign-entry.js): its URL, an element made from it, an entrant,
// and the records the emulator holds. Separate from harness.ts, which defines the element from the sources.
import type { Emulator } from '@campaign-entry/emulator';
import type { EntryRecord } from '@campaign-entry/sdk/rules';
import { until } from '@campaign-entry/sdk/testing';
import type { CampaignEntry } from '../campaign-entry.component.js';

export { until };

/** The built script-tag file (run `pnpm build` first). */
export const bundle = new URL('../../dist/campaign-entry.js', import.meta.url).href;

let counter = 0;

/** A `<campaign-entry>` of the built bundle with a fresh campaign id, rendered. */
export async function entryForm(): Promise<CampaignEntry> {
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
export function enter(el: CampaignEntry): void {
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

/** The records the emulator acknowledged, parsed. */
export function records(emulator: Emulator): EntryRecord[] {
  return emulator.records().map((record) => JSON.parse(record.data) as EntryRecord);
}
