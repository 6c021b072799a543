// The element's working state and the few actions both halves of the element use: the element renders it, and the
// behaviour loaded after the first render (form-controller.ts) changes it. Internal: not exported from the package.
import type { CampaignEntryError, StorageKind } from '@campaign-entry/sdk';
import type { EntryIssue, FieldSpec, IssueTarget } from '@campaign-entry/sdk/rules';
import type { CampaignEntry, FormState } from './campaign-entry.component.js';
import type { CampaignEntryDeliveredDetail } from './events/campaign-entry-delivered.js';
import type { CampaignEntryErrorDetail } from './events/campaign-entry-error.js';
import type { CampaignEntryInvalidDetail } from './events/campaign-entry-invalid.js';
import type { CampaignEntryQueuedDetail } from './events/campaign-entry-queued.js';
import { type Locale, loadedStrings, loadStrings } from './strings/locale.js';
import type { CampaignEntryStrings } from './strings/strings.js';

/** Each event's `detail`, by event name. */
export interface EventDetails {
  'campaign-entry-delivered': CampaignEntryDeliveredDetail;
  'campaign-entry-queued': CampaignEntryQueuedDetail;
  'campaign-entry-invalid': CampaignEntryInvalidDetail;
  'campaign-entry-error': CampaignEntryErrorDetail;
}

/** What one `<campaign-entry>` knows about its form fill. Setters that change what is shown request a render. */
export class FormModel {
  /** Where the entry is, before the entry window and the configuration are taken into account. */
  phase: FormState = 'ready';
  /** The live region's text. */
  announcement = '';
  /** The message shown per field, from the last check or submit. */
  issues = new Map<IssueTarget, EntryIssue>();
  /** Unusable client attributes, in English for whoever set up the page. */
  clientProblems: string[] = [];
  /** Unusable page attributes (rules link, entry window). */
  pageProblems: string[] = [];
  spec: FieldSpec = { fields: ['name', 'email'] };
  locale: Locale = 'en';
  /** Bumped whenever attributes that make the client change: a client made for an older value is replaced. */
  generation = 0;
  /** The id of this form fill; made when the form is first touched. */
  entryId: string | undefined;
  /** Where the entry is kept, once it is. */
  storage: StorageKind | undefined;
  /** Why the last submit could not keep the entry. */
  failure: CampaignEntryError | undefined;
  /** The minimum age an ineligible entrant was told about. */
  ineligibleAge = 0;

  constructor(readonly el: CampaignEntry) {}

  /** Moves to `phase` and renders. */
  set(phase: FormState): void {
    this.phase = phase;
    this.el.requestUpdate();
  }

  /** Puts `text` in the live region. */
  announce(text: string): void {
    this.announcement = text;
    this.el.requestUpdate();
  }

  /** Dispatches one of the element's events; they all bubble and cross shadow roots. */
  emit<K extends keyof EventDetails>(name: K, detail: EventDetails[K]): void {
    this.el.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** Focuses the heading of the panel just shown, which reads it out. */
  async focusHeading(): Promise<void> {
    await this.el.updateComplete;
    this.el.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  /** The copy for the current locale with the page's overrides, or `undefined` while a locale's chunk loads. */
  copy(): CampaignEntryStrings | undefined {
    const base = loadedStrings(this.locale);
    if (!base) {
      void loadStrings(this.locale).then(() => this.el.requestUpdate());
      return undefined;
    }
    return this.el.strings ? { ...base, ...this.el.strings } : base;
  }
}
