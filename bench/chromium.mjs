// Launch options for Debian's Chromium under playwright-core (see ../shared/TOOLCHAIN.md for the flags).
import { existsSync } from 'node:fs';

/** playwright-core launch options for the system Chromium. */
export function chromiumLaunchOptions() {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (path) => path && existsSync(path),
  );
  if (!executablePath) throw new Error('Chromium is not installed: sudo apt-get install -y chromium');
  return {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  };
}
