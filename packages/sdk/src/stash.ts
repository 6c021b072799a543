// @campaign-entry/sdk/stash — keeping a submitted form in localStorage when the client's code could not load yet, and
// handing it over once it does. Dependency-free, for a page's first chunk.

export { clearUnsent, readUnsent } from './adapters/unsent-form-handover.js';
export { saveUnsent, type UnsentForm } from './adapters/unsent-form-stash.js';
