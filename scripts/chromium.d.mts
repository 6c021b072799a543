/** Flags for a headless Chromium on these machines (see chromium.mjs). */
export declare const CHROMIUM_ARGS: readonly string[];
/** Where Chromium may be: `CHROMIUM_PATH` first, then Debian's paths. */
export declare const CHROMIUM_PATHS: readonly string[];
