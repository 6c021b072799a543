// Every name the SDK (and the widget, tests, harnesses) stores data or coordinates tabs under, built in one place. The
// `v1` is the storage format's version: a future format changes it here and can migrate instead of misreading.
// One joiner over typed parts rather than a builder per name: a page's first chunk carries this module (for the
// unsent-form key), and every builder here would ride along.

/** What every name starts with: the SDK's namespace and the storage format version. */
export const STORAGE_KEY_PREFIX = 'campaign-entry:v1';

/** The names there are, as the parts after {@link STORAGE_KEY_PREFIX}. */
export type StorageKeyParts =
  /** A campaign's IndexedDB database (object store `entries`) and the BroadcastChannel its tabs share. */
  | readonly [campaignId: string]
  /** A campaign's localStorage entry; with `entryId` '' the prefix all of them share. */
  | readonly [campaignId: string, 'entry', entryId: string]
  /** The Web Lock that lets one tab at a time send a campaign's stored entries. */
  | readonly [campaignId: string, 'send']
  /** The IndexedDB database (object store `sender`) naming the page that last held that lock (no personal data). */
  | readonly [campaignId: string, 'sender']
  /** A form submitted before the client could load, in localStorage (the stash). */
  | readonly [campaignId: string, 'unsent-form']
  /** Inside the identity store: the identity pool this device uses for a campaign's guest identity (when the page
   * lists several pools, one per region). The pool's identity id sits under its own {@link cognitoIdentityKey}. */
  | readonly [campaignId: string, 'identity-pool']
  /** In localStorage: this device was told it is not eligible for the campaign (a flag only, never the birth date), so
   * a reload shows that again instead of a fresh form to try another year on. */
  | readonly [campaignId: string, 'ineligible']
  /** The origin's Cognito identity store: its IndexedDB database (object store `ids`), or with `key` ('' for the
   * prefix) a localStorage key holding one of the AWS provider's entries. */
  | readonly ['identity']
  | readonly ['identity', key: string]
  /** The language an entrant chose in the widget's language switch, in sessionStorage (kept for the visit). */
  | readonly ['locale']
  /** The localStorage key written and removed to prove localStorage can be written. */
  | readonly ['probe'];

/**
 * The name for `parts`, e.g. `storageKey(campaignId, 'send')` → `campaign-entry:v1:<campaignId>:send`.
 */
export const storageKey = (...parts: StorageKeyParts): string => [STORAGE_KEY_PREFIX, ...parts].join(':');

/** The key the AWS SDK's Cognito provider caches a pool's guest identity id under, inside the identity store. */
export const cognitoIdentityKey = (identityPoolId: string): string =>
  `aws:cognito-identity-credentials:${identityPoolId}:ANONYMOUS`;
