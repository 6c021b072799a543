/**
 * `detail` of `campaign-entry-delivered`: the id only, never a field value. Every script on the page hears a bubbling,
 * composed event (analytics, tag managers), so the record is read from the element instead (its `record` property).
 */
export interface CampaignEntryDeliveredDetail {
  /** The entry's id, the same in the stored record. */
  readonly entryId: string;
}

/** Firehose acknowledged the entry; the entrant sees "You're in". Bubbles and is composed. */
export type CampaignEntryDeliveredEvent = CustomEvent<CampaignEntryDeliveredDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'campaign-entry-delivered': CampaignEntryDeliveredEvent;
  }
}
