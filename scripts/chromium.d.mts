/** Flags for a headless Chromium on these machines (see chromium.mjs). */
export declare const CHROMIUM_ARGS: readonly string[];
/** Where Chromium may be: `CHROMIUM_PATH` first, then Debian's paths. */
export declare const CHROMIUM_PATHS: readonly string[];
/** The phone the demo's checks and the screenshots are taken on (see chromium.mjs). */
export declare const PHONE_SCREEN: {
  readonly viewport: { readonly width: number; readonly height: number };
  readonly deviceScaleFactor: number;
  readonly isMobile: boolean;
  readonly hasTouch: boolean;
};
