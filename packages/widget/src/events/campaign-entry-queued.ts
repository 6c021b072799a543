import type { StorageKind } from '@campaign-entry/sdk';
import type { EntryRecord } from '@campaign-entry/sdk/rules';

/** `detail` of `campaign-entry-queued`. */
export interface CampaignEntryQueuedDetail {
  /** The entry's id; `campaign-entry-delivered` follows with the same id once it lands. */
  readonly entryId: string;
  /**
   * The record as stored and as it will be sent. Absent in the rare case the form was kept before the SDK's code
   * could load (the network went away right after the page loaded): the values wait in localStorage instead.
   */
  readonly record?: EntryRecord;
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
