// @campaign-entry/sdk/errors — the SDK's one error type, for code that creates errors before the client loads (a
// page's first chunk). The class alone: its guard `isCampaignEntryError` and ErrorCode's values come with the client
// (`@campaign-entry/sdk`), so importing this pulls in no other module.

export type { CampaignEntryErrorOptions } from './core/errors/campaign-entry-error.js';
export { CampaignEntryError } from './core/errors/campaign-entry-error.js';
export type { ErrorCode } from './core/errors/error-code.js';
