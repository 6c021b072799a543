// @campaign-entry/sdk/errors — the SDK's one error type, for code that creates or recognizes errors before the client
// loads (a page's first chunk). Only the class and its guard: ErrorCode's values come with the client
// (`@campaign-entry/sdk`), so importing this pulls in no other module.

export type { CampaignEntryErrorOptions } from './core/errors/campaign-entry-error.js';
export { CampaignEntryError } from './core/errors/campaign-entry-error.js';
export type { ErrorCode } from './core/errors/error-code.js';
export { isCampaignEntryError } from './core/errors/is-campaign-entry-error.js';
