import type { CampaignEntryStrings, FormStringKey } from './strings.js';

/**
 * The English copy the first render needs (labels, the button, the panels shown without the behaviour chunk). The
 * rest (validation messages, outcome panels) is in en-messages.ts, loaded with the behaviour after the first render.
 */
export const enForm: Pick<CampaignEntryStrings, FormStringKey> = {
  dateOrder: 'mdy',
  name: 'Full name',
  email: 'Email',
  phone: 'Mobile number',
  'postal-code': 'ZIP code',
  'birth-date': 'Date of birth',
  birthDateHint: 'For example, 12 31 1990',
  day: 'Day',
  month: 'Month',
  year: 'Year',
  consent: 'I accept the {rules} and the {privacy}.',
  consentRulesOnly: 'I accept the {rules}.',
  rules: 'official rules',
  privacy: 'privacy notice',
  newTab: '(opens in a new tab)',
  marketing: 'Send me news and offers by email (optional).',
  honeypot: 'Leave this field empty',
  submit: 'Enter now',
  sending: 'Sending your entry…',
  queuedTitle: 'Saved on this device, sending…',
  queuedBody:
    'The network is slow: your entry is stored on this phone and will be sent as soon as it can. If you close this page, open it again later to finish.',
  queuedOfflineBody:
    'This phone is offline: your entry is stored on this phone and will be sent as soon as it can. If you close this page, open it again later to finish.',
  failedTitle: 'Your entry was not saved',
  failedBody: 'Something went wrong on this device. Please try again.',
  configTitle: 'Entries are unavailable right now',
  configBody: 'Please try again later.',
};
