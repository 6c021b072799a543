// The copy contract: every text the element shows, by key. Locales implement it whole; pages override any part of it
// through the element's `strings` property.

/**
 * Every text `<campaign-entry>` shows. `{name}` placeholders are filled in by the element. Keys such as
 * `email.invalid-format` are the specific message for one field and one validation code; when a field has none, the
 * generic message for the code (`invalid-format`) is used.
 */
export interface CampaignEntryStrings {
  /** Order of the date-of-birth boxes: `mdy` (12 31 1990) or `dmy` (31 12 1990). */
  dateOrder: 'mdy' | 'dmy';
  name: string;
  email: string;
  phone: string;
  'postal-code': string;
  'birth-date': string;
  /** Hint under the date of birth, e.g. `For example, 12 31 1990`. */
  birthDateHint: string;
  day: string;
  month: string;
  year: string;
  /** Consent checkbox label; `{rules}` becomes the link to `rules-url`, `{privacy}` the link to `privacy-url`. */
  consent: string;
  /** Consent label used when the page has no `privacy-url`. */
  consentRulesOnly: string;
  rules: string;
  privacy: string;
  /** Read out with the rules and privacy links (screen readers): they open in a new tab. */
  newTab: string;
  /** Optional marketing opt-in label. */
  marketing: string;
  /** Label of the honeypot field people never see. */
  honeypot: string;
  submit: string;
  sending: string;
  /** Announced after a failed submit; `{fields}` lists the fields to fix. */
  summary: string;
  /** Heading of the error summary above a refused form (its list links each problem to its field). */
  summaryTitle: string;
  required: string;
  'too-long': string;
  'invalid-format': string;
  'invalid-characters': string;
  formula: string;
  'invalid-date': string;
  'under-age': string;
  'consent-required': string;
  'not-asked': string;
  'too-large': string;
  'name.required': string;
  'name.invalid-format': string;
  'email.required': string;
  'email.invalid-format': string;
  'phone.required': string;
  'phone.invalid-format': string;
  'postal-code.required': string;
  'postal-code.invalid-format': string;
  'birth-date.required': string;
  'birth-date.invalid-format': string;
  /** Said under the form while an e-mail address's domain looks mistyped; `{email}` is the address corrected. */
  didYouMean: string;
  deliveredTitle: string;
  deliveredBody: string;
  /** Under "You're in" (and "Saved on this device"): the address the entry was made with, `{email}`. */
  enteredWith: string;
  queuedTitle: string;
  queuedBody: string;
  /** Shown instead of `queuedBody` when the device is offline (said at once, not after a wait). */
  queuedOfflineBody: string;
  /** Shown instead of `queuedBody` when the browser has no durable storage (private mode). */
  queuedMemoryBody: string;
  failedTitle: string;
  failedBody: string;
  /** Body for a device that already holds too many unsent entries. */
  queueFullBody: string;
  retry: string;
  ineligibleTitle: string;
  ineligibleBody: string;
  notOpenTitle: string;
  /** `{time}` is the opening time in the entrant's locale, with its time zone (see `yourTime`). */
  notOpenBody: string;
  closedTitle: string;
  /** `{time}` is the closing time, as in `notOpenBody`. */
  closedBody: string;
  /** Added after a time in the campaign's `time-zone` when the entrant's differs: `{time}` in the entrant's own. */
  yourTime: string;
  /** Shown to entrants when the element is misconfigured (the details go to the console and the error event). */
  configTitle: string;
  configBody: string;
  /** Said above a fresh form when an entry this device saved earlier (another visit or tab) is still being sent. */
  earlierSending: string;
  /** Said when that earlier entry has landed. */
  earlierDelivered: string;
}

/** The keys of the messages for each problem: their English comes with a refused submit (refusal.ts). */
export type IssueStringKey =
  | 'required'
  | 'too-long'
  | 'invalid-format'
  | 'invalid-characters'
  | 'formula'
  | 'invalid-date'
  | 'under-age'
  | 'consent-required'
  | 'too-large'
  | `${'name' | 'email' | 'phone' | 'postal-code' | 'birth-date'}.${'required' | 'invalid-format'}`;

/** The keys of the panels shown outside the entry window: their English comes with them (window-panel.ts). */
export type WindowStringKey = 'notOpenTitle' | 'notOpenBody' | 'closedTitle' | 'closedBody' | 'yourTime';

/**
 * The keys the first render can show before the behaviour chunk (and with it the rest of the English copy) arrives.
 */
export type FormStringKey = Exclude<
  keyof CampaignEntryStrings,
  | WindowStringKey
  | IssueStringKey
  | 'summary'
  | 'summaryTitle'
  | 'not-asked'
  | 'didYouMean'
  | 'deliveredTitle'
  | 'deliveredBody'
  | 'enteredWith'
  | 'queueFullBody'
  | 'queuedMemoryBody'
  | 'retry'
  | 'ineligibleTitle'
  | 'ineligibleBody'
  | 'earlierSending'
  | 'earlierDelivered'
>;

/** Fills `{name}` placeholders from `values`; unknown ones stay as they are. */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([\w-]+)\}/gu, (match, key: string) => String(values[key] ?? match));
}
