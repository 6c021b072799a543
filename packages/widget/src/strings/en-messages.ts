import type { CampaignEntryStrings, FormStringKey, IssueStringKey, WindowStringKey } from './strings.js';

/**
 * English outcome copy and the summary of a refused submit: loaded with the form's behaviour, after the first render.
 * The message for each problem comes only with a refused submit (en-issues.ts).
 */
export const enMessages: Omit<CampaignEntryStrings, FormStringKey | WindowStringKey | IssueStringKey> = {
  summary: 'Please check: {fields}.',
  summaryTitle: 'There is a problem',
  'not-asked': 'This entry could not be accepted.',
  didYouMean: 'Did you mean {email}?',
  deliveredTitle: "You're in!",
  deliveredBody: 'We have your entry. Good luck!',
  enteredWith: 'Entered with {email}.',
  queueFullBody: 'This device already holds too many entries waiting to be sent.',
  retry: 'Try again',
  ineligibleTitle: 'Thanks for your interest',
  ineligibleBody: 'Sorry, you are not eligible to enter this competition.',
  queuedMemoryBody: 'The network is slow. Keep this page open until it says you are in.',
  earlierSending: 'An entry from this device is still being sent. You do not need to enter again.',
  earlierDelivered: 'Your earlier entry from this device is in.',
};
