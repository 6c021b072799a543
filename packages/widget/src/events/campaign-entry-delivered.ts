import type { EntryRecord } from '@campaign-entry/sdk/rules';

/** `detail` of `campaign-entry-delivered`. */
export interface CampaignEntryDeliveredDetail {
  /** The entry's id, the same in the stored record. */
  readonly entryId: string;
  /** The record Firehose acknowledged. */
  readonly record: EntryRecord;
}

/** Firehose acknowledged the entry; the entrant sees "You're in". Bubbles and is composed. */
export type CampaignEntryDeliveredEvent = CustomEvent<CampaignEntryDeliveredDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'campaign-entry-delivered': CampaignEntryDeliveredEvent;
  }
}
