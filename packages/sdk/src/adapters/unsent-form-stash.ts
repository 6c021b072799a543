// The last resort when the code that stores entries never arrived (the network went away right after the page
// loaded): a submitted form is kept in localStorage, so it survives a reload and is handed to the client as soon as it
// loads (unsent-form-handover.ts: its own module, so a page's first chunk carries only `saveUnsent`).
import { storageKey } from '../core/storage-keys.js';
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
    localStorage.setItem(storageKey(campaignId, 'unsent-form'), JSON.stringify(form));
    return true;
  } catch {
    return false;
  }
}
