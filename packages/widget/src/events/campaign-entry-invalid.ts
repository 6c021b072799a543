import type { EntryIssue } from '@campaign-entry/sdk/rules';

/** `detail` of `campaign-entry-invalid`. */
export interface CampaignEntryInvalidDetail {
  /** The id this form fill will be stored under once it is valid. */
  readonly entryId: string;
  /** Every problem, in form order (`field` and `code` as in the SDK). Nothing was stored. */
  readonly issues: readonly EntryIssue[];
}

/** A submit was refused by validation; the form shows why. Bubbles and is composed. */
export type CampaignEntryInvalidEvent = CustomEvent<CampaignEntryInvalidDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'campaign-entry-invalid': CampaignEntryInvalidEvent;
  }
}
