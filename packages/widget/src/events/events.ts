// The element's events in one place: their names as data and their types.
export type { CampaignEntryDeliveredDetail, CampaignEntryDeliveredEvent } from './campaign-entry-delivered.js';
export type { CampaignEntryErrorDetail, CampaignEntryErrorEvent } from './campaign-entry-error.js';
export type { CampaignEntryInvalidDetail, CampaignEntryInvalidEvent } from './campaign-entry-invalid.js';
export type { CampaignEntryQueuedDetail, CampaignEntryQueuedEvent } from './campaign-entry-queued.js';

/** The names of the events `<campaign-entry>` dispatches (all bubble and are composed). */
export const CampaignEntryEventName = {
  Delivered: 'campaign-entry-delivered',
  Queued: 'campaign-entry-queued',
  Invalid: 'campaign-entry-invalid',
  Error: 'campaign-entry-error',
} as const;

/** One of {@link CampaignEntryEventName}'s values. */
export type CampaignEntryEventName = (typeof CampaignEntryEventName)[keyof typeof CampaignEntryEventName];
