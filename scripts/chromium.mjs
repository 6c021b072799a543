// Debian's Chromium, as every tool here launches it (web-test-runner, playwright-core in the demo test, bench and
// screenshots). Without the background-networking flags Chromium floods the closed network (docs/browsers.md).

/** Flags for a headless Chromium on these machines. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Where Chromium may be: `CHROMIUM_PATH` first, then Debian's paths. */
export const CHROMIUM_PATHS = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  Boolean,
);

/** The phone the demo's checks and the screenshots are taken on: 390 × 844 CSS px at 2× (an iPhone 12–14), touch. */
export const PHONE_SCREEN = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
