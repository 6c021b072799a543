import type { CampaignEntryStrings, IssueStringKey } from './strings.js';

/**
 * English messages for each problem a refused submit shows (by validation code, and by field and code): they show only
 * once a submit was refused, so they come then, with the error summary (refusal.ts).
 */
export const enIssues: Pick<CampaignEntryStrings, IssueStringKey> = {
  required: 'Fill in this field.',
  'too-long': 'Use {limit} characters or fewer.',
  'invalid-format': 'Check this: it is not in the expected format.',
  'invalid-characters': 'Remove symbols such as < > { } and hidden characters.',
  formula: 'Do not start with =, +, - or @.',
  'invalid-date': 'Enter a real date of birth.',
  'under-age': 'This entry could not be accepted.',
  'consent-required': 'Check the box to accept the official rules.',
  'too-large': 'This entry is too long to send.',
  'name.required': 'Enter your name.',
  'name.invalid-format': 'Enter your name using letters.',
  'email.required': 'Enter your email address.',
  'email.invalid-format': 'Enter an email address like name@example.com.',
  'phone.required': 'Enter your mobile number.',
  'phone.invalid-format': 'Enter a phone number of 7 to 15 digits, like 555 123 4567.',
  'postal-code.required': 'Enter your ZIP code.',
  'postal-code.invalid-format': 'Enter a ZIP code like 90210.',
  'birth-date.required': 'Enter your date of birth.',
  'birth-date.invalid-format': 'Enter your date of birth as month, day and a 4-digit year.',
};
