// @campaign-entry/widget — the npm entry. Importing it defines <campaign-entry> (campaign-entry.ts, the package's one
// side effect, listed in `sideEffects`) and exports the class, its events and copy. For another tag name, define a
// subclass: `customElements.define('beer-entry', class extends CampaignEntry {})` (one class, one tag name).
import './campaign-entry.js';

export type { DatePart } from './birth-date.js';
export { CampaignEntry } from './campaign-entry.component.js';
export type { EntryWindow } from './entry-window.js';
export { WindowState } from './entry-window.js';
export type {
  CampaignEntryDeliveredDetail,
  CampaignEntryDeliveredEvent,
  CampaignEntryErrorDetail,
  CampaignEntryErrorEvent,
  CampaignEntryEventDetails,
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
