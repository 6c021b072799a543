import type { CampaignEntryStrings, WindowStringKey } from './strings.js';

/** English copy of the panels shown outside the entry window: loaded with them (window-panel.ts), only then. */
export const enWindow: Pick<CampaignEntryStrings, WindowStringKey> = {
  notOpenTitle: 'Entries are not open yet',
  notOpenBody: 'Entries open on {time}.',
  closedTitle: 'This competition is closed',
  closedBody: 'Entries closed on {time}. Thanks for your interest.',
  yourTime: '{time} your time',
};
