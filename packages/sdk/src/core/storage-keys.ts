// Every name the SDK (and the widget, tests, harnesses) stores data or coordinates tabs under, built in one place. The
// `v1` is the storage format's version: a future format changes it here and can migrate instead of misreading.

/** What every name starts with: the SDK's namespace and the storage format version. */
export const STORAGE_KEY_PREFIX = 'campaign-entry:v1';

/** `campaign-entry:v1:<parts joined by ':'>`. */
const key = (...parts: string[]): string => [STORAGE_KEY_PREFIX, ...parts].join(':');

/** The IndexedDB database holding a campaign's entries (object store `entries`). */
export const entryDatabaseName = (campaignId: string): string => key(campaignId);

/** What each of a campaign's localStorage entry keys starts with (followed by the entryId). */
export const localEntryKeyPrefix = (campaignId: string): string => key(campaignId, 'entry', '');

/** The localStorage key written and removed to prove localStorage can be written. */
export const localStorageProbeKey = (): string => key('probe');

/** The IndexedDB database holding the origin's Cognito identity id (object store `ids`). */
export const identityDatabaseName = (): string => key('identity');

/** What the origin's localStorage identity keys start with (followed by the Cognito provider's own key). */
export const localIdentityKeyPrefix = (): string => key('identity', '');

/** The key the AWS SDK's Cognito provider caches a pool's guest identity id under, in the identity store. */
export const cognitoIdentityKey = (identityPoolId: string): string =>
  `aws:cognito-identity-credentials:${identityPoolId}:ANONYMOUS`;

/** The BroadcastChannel tabs of one campaign tell each other about delivered entries on. */
export const tabChannelName = (campaignId: string): string => key(campaignId);

/** The Web Lock that lets one tab at a time send a campaign's stored entries. */
export const sendLockName = (campaignId: string): string => key(campaignId, 'send');

/** The localStorage key of a form submitted before the SDK could load (see stash.ts). */
export const unsentFormKey = (campaignId: string): string => key(campaignId, 'unsent-form');
