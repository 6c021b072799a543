// @campaign-entry/sdk/storage-keys — every name the SDK stores data or coordinates tabs under, for a page's first
// chunk (also in `@campaign-entry/sdk/rules`, which brings validation and records with it).

export { cognitoIdentityKey, STORAGE_KEY_PREFIX, type StorageKeyParts, storageKey } from './core/storage-keys.js';
