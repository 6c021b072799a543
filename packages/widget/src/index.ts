// @campaign-entry/widget — the npm entry. Exports the element class, its events and copy, and defines nothing:
// `import '@campaign-entry/widget/campaign-entry.js'` (or the script tag) defines <campaign-entry>, or call
// `customElements.define('my-entry', CampaignEntry)` for another tag name.
export type { DatePart } from './birth-date.js';
export { CampaignEntry } from './campaign-entry.component.js';
export type { EntryWindow } from './entry-window.js';
export { WindowState } from './entry-window.js';
export type {
  CampaignEntryDeliveredDetail,
  CampaignEntryDeliveredEvent,
  CampaignEntryErrorDetail,
  CampaignEntryErrorEvent,
  CampaignEntryInvalidDetail,
  CampaignEntryInvalidEvent,
  CampaignEntryQueuedDetail,
  CampaignEntryQueuedEvent,
} from './events/events.js';
export { CampaignEntryEventName } from './events/events.js';
export { FormState } from './form-state.js';
export { en } from './strings/en.js';
export type { Locale } from './strings/locale.js';
export { LOCALES, pickLocale } from './strings/locale.js';
export type { CampaignEntryStrings } from './strings/strings.js';
