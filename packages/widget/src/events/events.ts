// The element's events in one place: their names as data and their types.
import type { CampaignEntryDeliveredDetail } from './campaign-entry-delivered.js';
import type { CampaignEntryErrorDetail } from './campaign-entry-error.js';
import type { CampaignEntryInvalidDetail } from './campaign-entry-invalid.js';
import type { CampaignEntryQueuedDetail } from './campaign-entry-queued.js';

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

/** Each event's `detail`, by event name. */
export interface CampaignEntryEventDetails {
  'campaign-entry-delivered': CampaignEntryDeliveredDetail;
  'campaign-entry-queued': CampaignEntryQueuedDetail;
  'campaign-entry-invalid': CampaignEntryInvalidDetail;
  'campaign-entry-error': CampaignEntryErrorDetail;
}
