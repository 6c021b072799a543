// The last resort when the SDK's chunk never arrived (the network went away right after the page loaded): the form's
// values are kept in localStorage, so the entry survives a reload and is handed to the SDK as soon as it loads.
import type { EntryInput } from '@campaign-entry/sdk';

/** A submitted form the SDK has not taken yet. */
export interface UnsentForm {
  readonly entryId: string;
  readonly input: EntryInput;
  readonly fillMs: number;
  readonly suspect: boolean;
  readonly locale: string;
}

const key = (campaignId: string) => `campaign-entry:v1:${campaignId}:unsent-form`;

/** Keeps `form`; false when localStorage cannot be written (then nothing could be kept). */
export function saveUnsent(campaignId: string, form: UnsentForm): boolean {
  try {
    localStorage.setItem(key(campaignId), JSON.stringify(form));
    return true;
  } catch {
    return false;
  }
}

/** The kept form, if any. */
export function readUnsent(campaignId: string): UnsentForm | undefined {
  try {
    const form = JSON.parse(localStorage.getItem(key(campaignId)) ?? 'null') as UnsentForm | null;
    return form && typeof form.entryId === 'string' && typeof form.input === 'object' ? form : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets the kept form (the SDK has stored it, or refused it as invalid). */
export function clearUnsent(campaignId: string): void {
  try {
    localStorage.removeItem(key(campaignId));
  } catch {
    // Nothing was kept.
  }
}
