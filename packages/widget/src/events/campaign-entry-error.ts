import type { CampaignEntryError } from '@campaign-entry/sdk';

/** `detail` of `campaign-entry-error`. */
export interface CampaignEntryErrorDetail {
  /** The entry concerned, when there is one (not for configuration errors). */
  readonly entryId?: string;
  /** What went wrong: `code` (`invalid-config`, `queue-full`, `stream-not-found`, `access-denied`…) and `message`. */
  readonly error: CampaignEntryError;
  /**
   * Whether the entry is still stored on the device and will be sent later (operator errors such as a missing stream:
   * fix the setup and stored entries go out). `false` when nothing was kept.
   */
  readonly stored: boolean;
}

/**
 * Something needs attention from whoever runs the page: the element's configuration is unusable, an entry could not be
 * kept, or AWS refuses entries for a reason only an operator can fix. Bubbles and is composed.
 */
export type CampaignEntryErrorEvent = CustomEvent<CampaignEntryErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'campaign-entry-error': CampaignEntryErrorEvent;
  }
}
