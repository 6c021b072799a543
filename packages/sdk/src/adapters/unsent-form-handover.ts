// Taking back a form kept by unsent-form-stash.ts, once the client's code has loaded.
import { storageKey } from '../core/storage-keys.js';
import type { UnsentForm } from './unsent-form-stash.js';

/** The form kept for `campaignId`, if any (anything unreadable counts as none). */
export function readUnsent(campaignId: string): UnsentForm | undefined {
  try {
    const form = JSON.parse(localStorage.getItem(storageKey(campaignId, 'unsent-form')) ?? 'null') as UnsentForm | null;
    return form && typeof form.entryId === 'string' && typeof form.input === 'object' ? form : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets the form kept for `campaignId` (the client has stored it, or refused it as invalid). */
export function clearUnsent(campaignId: string): void {
  try {
    localStorage.removeItem(storageKey(campaignId, 'unsent-form'));
  } catch {
    // Nothing was kept.
  }
}
