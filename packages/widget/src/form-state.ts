// What the entrant sees, as data, shared by the element (which shows it and applies updates) and its lazily loaded
// controller (which works out the updates). It imports types only and nothing of the element: no import cycle.
import type { CampaignEntryError, EntryIssue, IssueTarget, StorageKind } from '@campaign-entry/sdk';
import type { CampaignEntryEventDetails } from './events/events.js';

/** What the entrant sees. Reflected to the `state` attribute, so pages can style by it. */
export const FormState = {
  /** The form, waiting for input. */
  Ready: 'ready',
  /** Submitted; waiting for the device to store it and Firehose to acknowledge it. */
  Sending: 'sending',
  /** Firehose acknowledged the entry: "You're in". */
  Delivered: 'delivered',
  /** Stored on the device, still being sent: "Saved on this device, sending…"; turns into `delivered`. */
  Queued: 'queued',
  /** The entry could not be kept on the device; the form stays filled in to try again. */
  Failed: 'failed',
  /** Younger than `min-age` at submit: a neutral, final message that names no age, kept on this device for the
   * campaign (a reload shows it again). */
  Ineligible: 'ineligible',
  /** Before `opens-at`. */
  NotOpen: 'not-open',
  /** At or after `closes-at`. */
  Closed: 'closed',
  /** The attributes are unusable; the message tells whoever set up the page what to fix. */
  Misconfigured: 'misconfigured',
} as const;

/** One of {@link FormState}'s values. */
export type FormState = (typeof FormState)[keyof typeof FormState];

/** What the element shows for the form fill: its own state, changed only by applying an {@link Update}. */
export interface View {
  /** Where the entry is, before the entry window and the configuration are taken into account. */
  phase: FormState;
  /** The live region's text. */
  announcement: string;
  /** The message shown per field, from the last check or submit. */
  issues: Map<IssueTarget, EntryIssue>;
  /** Fields typed in: checked when left. */
  typed: Set<IssueTarget>;
  /** Where the entry is kept, once it is. */
  storage?: StorageKind | undefined;
  /** Why the last submit could not keep the entry. */
  failure?: CampaignEntryError | undefined;
  /** The error summary above a refused form (a template from the controller's chunk), until the next submit. */
  summary?: unknown;
}

/** One of the element's events with its `detail`. */
export type ElementEvent = {
  [K in keyof CampaignEntryEventDetails]: readonly [K, CampaignEntryEventDetails[K]];
}[keyof CampaignEntryEventDetails];

/**
 * What to change after something happened, as data: the element applies it in one place (its `#apply`): the view, then
 * the event, then focus (`heading`: the panel's heading, which reads it out; `issue`: the first field to fix).
 */
export interface Update {
  readonly view?: Partial<View>;
  readonly event?: ElementEvent;
  readonly focus?: 'heading' | 'issue';
}
