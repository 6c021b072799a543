// The element's client side and the SDK's validation, storage and client come in one chunk loaded right after the form
// first renders: the form is interactive before any of it arrives, and by the time the entrant taps Submit it has long
// been there. A submit before it arrives keeps the form in localStorage (@campaign-entry/sdk/stash).
import { lazy } from '@campaign-entry/sdk/lazy';
import { completeEnglish } from './strings/locale.js';

/**
 * The controller's module, loaded once, with the English messages and outcome copy it brings installed; a failed
 * load (offline) is tried again on the next call.
 */
export const loadController = lazy(() =>
  import('./form-controller.js').then((module) => {
    completeEnglish(module.enMessages);
    return module;
  }),
);
