// What "You're in" (and "Saved on this device") adds once an entry is stored: the e-mail address it was made with, so a
// typo shows while the entrant is still there, and the page's "what happens next" line (`next-steps`: the draw, how
// winners are contacted). Rendered from the controller's chunk, which holds the stored record; the first file only
// places it.
import type { EntryRecord } from '@campaign-entry/sdk/rules';
import { html, type TemplateResult } from 'lit';
import { type CampaignEntryStrings, format } from './strings/strings.js';

/** The lines under an outcome panel for the stored `record` in copy `t`, with the page's `next` steps. */
export function entryReceipt(t: CampaignEntryStrings, record: EntryRecord, next: string | undefined): TemplateResult {
  const email = record.fields.email;
  return html`${email ? html`<p>${format(t.enteredWith, { email })}</p>` : ''}${next ? html`<p>${next}</p>` : ''}`;
}
