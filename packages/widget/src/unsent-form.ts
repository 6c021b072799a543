// The last resort when the behaviour's chunk (form-controller.ts, with the SDK) never arrived (the network went away
// right after the page loaded): the form's values are kept in localStorage, so the entry survives a reload and is
// handed to the SDK as soon as it loads (unsent-form-handover.ts). This half is on the critical path.
import type { EntryInput } from '@campaign-entry/sdk';

/** A submitted form the SDK has not taken yet. */
export interface UnsentForm {
  readonly entryId: string;
  readonly input: EntryInput;
  readonly fillMs: number;
  readonly suspect: boolean;
  readonly locale: string;
}

/** Where the form is kept for a campaign (versioned, like the SDK's own storage keys). */
export const unsentFormKey = (campaignId: string): string => `campaign-entry:v1:${campaignId}:unsent-form`;

/** Keeps `form`; false when localStorage cannot be written (then nothing could be kept). */
export function saveUnsent(campaignId: string, form: UnsentForm): boolean {
  try {
    localStorage.setItem(unsentFormKey(campaignId), JSON.stringify(form));
    return true;
  } catch {
    return false;
  }
}
