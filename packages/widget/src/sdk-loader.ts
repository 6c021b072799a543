// The SDK's validation, storage and client come in a chunk loaded right after the form first renders: the form is
// interactive before any of it arrives, and by the time the entrant taps Submit it has long been there.
type Sdk = typeof import('./sdk-lazy.js');

let loading: Promise<Sdk> | undefined;

/** The SDK module, loaded once; a failed load (offline) is tried again on the next call. */
export function loadSdk(): Promise<Sdk> {
  loading ??= import('./sdk-lazy.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
