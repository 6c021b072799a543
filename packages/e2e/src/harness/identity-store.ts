// The Cognito identity id the SDK keeps for the whole origin (IndexedDB storageKey('identity'), object store `ids`),
// read and written from the test page: the phone iframes share it, as tabs of one browser do.
import { cognitoIdentityKey, storageKey } from '@campaign-entry/sdk/rules';

const DATABASE = storageKey('identity');
const STORE = 'ids';
/** The key under which the AWS SDK's Cognito provider caches the guest identity id of the emulator's pool. */
const KEY = cognitoIdentityKey('us-east-1:00000000-0000-4000-8000-000000000000');

function request<T>(run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DATABASE);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const transaction = db.transaction(STORE, 'readwrite');
      const pending = run(transaction.objectStore(STORE));
      transaction.oncomplete = () => {
        db.close();
        resolve(pending.result);
      };
      transaction.onerror = () => {
        db.close();
        reject(transaction.error);
      };
    };
  });
}

/** Stores `identityId` as the origin's cached guest identity. */
export async function cacheIdentityId(identityId: string): Promise<void> {
  await request((store) => store.put(identityId, KEY));
}

/** Drops the origin's cached guest identity, as a tab does when Cognito says it no longer knows it. */
export async function forgetIdentityId(): Promise<void> {
  await request((store) => store.delete(KEY));
}
