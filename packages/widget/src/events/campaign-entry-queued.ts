import type { StorageKind } from '@campaign-entry/sdk';

/**
 * `detail` of `campaign-entry-queued`: the id and where the entry is kept, never a field value (every script on the
 * page hears it). The record itself is the element's `record` property.
 */
export interface CampaignEntryQueuedDetail {
  /** The entry's id; `campaign-entry-delivered` follows with the same id once it lands. */
  readonly entryId: string;
  /** Where it is kept: `indexeddb` or `localstorage` survive a reload; `memory` only while the page stays open. */
  readonly storage: StorageKind;
}

/**
 * The entry is saved on the device but Firehose has not acknowledged it yet (slow or no network); the SDK keeps
 * sending. The entrant sees "Saved on this device, sending…". Bubbles and is composed.
 */
export type CampaignEntryQueuedEvent = CustomEvent<CampaignEntryQueuedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'campaign-entry-queued': CampaignEntryQueuedEvent;
  }
}
