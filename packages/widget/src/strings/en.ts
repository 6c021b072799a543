import { enForm } from './en-form.js';
import { enMessages } from './en-messages.js';
import type { CampaignEntryStrings } from './strings.js';

/** English copy (US date order), whole. The element itself loads it in two parts (en-form.ts, en-messages.ts). */
export const en: CampaignEntryStrings = { ...enForm, ...enMessages };
