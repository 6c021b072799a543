import { enForm } from './en-form.js';
import { enIssues } from './en-issues.js';
import { enMessages } from './en-messages.js';
import { enWindow } from './en-window.js';
import type { CampaignEntryStrings } from './strings.js';

/**
 * English copy (US date order), whole. The element itself loads it in parts (en-form.ts at once, en-messages.ts with
 * its behaviour, en-issues.ts with a refused submit, en-window.ts only outside the entry window).
 */
export const en: CampaignEntryStrings = { ...enForm, ...enMessages, ...enIssues, ...enWindow };
