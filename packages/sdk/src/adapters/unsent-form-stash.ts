// The last resort when the code that stores entries never arrived (the network went away right after the page
// loaded): a submitted form is kept in localStorage, so it survives a reload and is handed to the client as soon as it
// loads. Dependency-free and small on purpose: a page's first chunk carries `saveUnsent`.
import { unsentFormKey } from '../core/storage-keys.js';
import type { EntryInput } from '../core/validate.js';

/** A submitted form the client has not taken yet. */
export interface UnsentForm {
  readonly entryId: string;
  readonly input: EntryInput;
  readonly fillMs: number;
  readonly suspect: boolean;
  readonly locale: string;
}

/** Keeps `form` for `campaignId`; false when localStorage cannot be written (then nothing could be kept). */
export function saveUnsent(campaignId: string, form: UnsentForm): boolean {
  try {
    localStorage.setItem(unsentFormKey(campaignId), JSON.stringify(form));
    return true;
  } catch {
    return false;
  }
}

/** The form kept for `campaignId`, if any (anything unreadable counts as none). */
export function readUnsent(campaignId: string): UnsentForm | undefined {
  try {
    const form = JSON.parse(localStorage.getItem(unsentFormKey(campaignId)) ?? 'null') as UnsentForm | null;
    return form && typeof form.entryId === 'string' && typeof form.input === 'object' ? form : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets the form kept for `campaignId` (the client has stored it, or refused it as invalid). */
export function clearUnsent(campaignId: string): void {
  try {
    localStorage.removeItem(unsentFormKey(campaignId));
  } catch {
    // Nothing was kept.
  }
}
