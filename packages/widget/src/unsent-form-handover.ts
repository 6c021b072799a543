// Taking back a form kept by unsent-form.ts (the behaviour does, once it loads).
import { type UnsentForm, unsentFormKey } from './unsent-form.js';

/** The kept form, if any. */
export function readUnsent(campaignId: string): UnsentForm | undefined {
  try {
    const form = JSON.parse(localStorage.getItem(unsentFormKey(campaignId)) ?? 'null') as UnsentForm | null;
    return form && typeof form.entryId === 'string' && typeof form.input === 'object' ? form : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets the kept form (the SDK has stored it, or refused it as invalid). */
export function clearUnsent(campaignId: string): void {
  try {
    localStorage.removeItem(unsentFormKey(campaignId));
  } catch {
    // Nothing was kept.
  }
}
