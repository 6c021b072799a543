// Finds the browser engines the tests run in and builds @web/test-runner launchers for them. Only Debian's packages
// are used (nothing can download a browser build here); see docs/browsers.md for why each flag is there.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { CHROMIUM_ARGS, CHROMIUM_PATHS } from './chromium.mjs';

/** The engines we test in, where Debian puts them, and the package that installs them. */
export const ENGINES = {
  chromium: {
    label: 'Chromium (Blink, as Android Chrome)',
    paths: CHROMIUM_PATHS,
    install: 'apt-get install -y chromium',
  },
  firefox: {
    label: 'Firefox ESR (Gecko)',
    paths: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
    install: 'apt-get install -y firefox-esr',
  },
  webkit: {
    label: 'WebKitGTK MiniBrowser (WebKit, closest to iOS Safari)',
    paths: [process.env.WEBKIT_DRIVER_PATH, '/usr/bin/WebKitWebDriver'],
    install: 'apt-get install -y webkit2gtk-driver xvfb',
    also: ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'],
  },
};

/**
 * Which engines to run: `BROWSERS=chromium,firefox` narrows the set; by default all three.
 * @returns {{name: keyof typeof ENGINES, path: string | undefined}[]}
 */
export function selectEngines() {
  const wanted = (process.env.BROWSERS ?? 'chromium,firefox,webkit')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return wanted.map((name) => {
    const engine = ENGINES[name];
    if (!engine) throw new Error(`Unknown browser "${name}" in BROWSERS (use chromium, firefox, webkit).`);
    const path = engine.paths.find((candidate) => candidate && existsSync(candidate));
    const extrasPresent = (engine.also ?? []).every((extra) => existsSync(extra));
    return { name, path: path && extrasPresent ? path : undefined };
  });
}

/**
 * Explains how to install what is missing, in one paragraph a newcomer can paste from.
 * @param {{name: string}[]} missing
 */
export function missingBrowsersMessage(missing) {
  const lines = missing.map(({ name }) => `  - ${ENGINES[name].label}: sudo ${ENGINES[name].install}`);
  return [
    'Browser tests need these engines, which are not installed:',
    ...lines,
    'Install them (Debian/Ubuntu), or run a subset with BROWSERS=chromium pnpm test.',
  ].join('\n');
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const children = [];
process.on('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});

function startChild(command, args, env) {
  const child = spawn(command, args, { stdio: 'ignore', env: { ...process.env, ...env } });
  children.push(child);
  return child;
}

async function waitForPort(port, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port}`);
}

/** An X display for WebKitGTK: the current one, or an Xvfb we start. */
async function ensureDisplay() {
  if (process.env.DISPLAY) return process.env.DISPLAY;
  const display = `:${90 + Math.floor(Math.random() * 400)}`;
  startChild('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp']);
  await new Promise((resolve) => setTimeout(resolve, 500));
  process.env.DISPLAY = display;
  return display;
}

/**
 * Launchers for @web/test-runner, one per selected and installed engine.
 */
export async function createLaunchers(engines) {
  const launchers = [];
  for (const { name, path } of engines) {
    if (name === 'chromium') {
      const { chromeLauncher } = await import('@web/test-runner-chrome');
      launchers.push(
        chromeLauncher({
          launchOptions: {
            executablePath: path,
            args: [...CHROMIUM_ARGS],
          },
        }),
      );
    } else if (name === 'firefox') {
      const { puppeteerLauncher } = await import('@web/test-runner-puppeteer');
      launchers.push(
        puppeteerLauncher({
          launchOptions: {
            browser: 'firefox',
            executablePath: path,
            headless: true,
            // A fresh profile must not try to phone home on the closed network.
            extraPrefsFirefox: {
              'app.update.enabled': false,
              'browser.shell.checkDefaultBrowser': false,
              'datareporting.policy.dataSubmissionEnabled': false,
              'network.captive-portal-service.enabled': false,
              'network.connectivity-service.enabled': false,
            },
          },
        }),
      );
    } else if (name === 'webkit') {
      const { webdriverLauncher } = await import('@web/test-runner-webdriver');
      const display = await ensureDisplay();
      const port = await freePort();
      startChild(path, [`--port=${port}`], { DISPLAY: display });
      await waitForPort(port);
      const launcher = webdriverLauncher({
        hostname: '127.0.0.1',
        port,
        logLevel: 'error',
        capabilities: {
          browserName: 'MiniBrowser',
          'wdio:enforceWebDriverClassic': true,
          // wtr navigates to each test file without awaiting the call: with the default strategy ('normal') the call
          // waits for the page's load event, and a navigation WebKitGTK never finished (seen on a loaded machine) timed
          // out after undici's 300 s as an unhandled rejection that ended the runner, exit 1. With 'none' the call
          // returns at once; a page that never loads fails its file by wtr's testsStartTimeout, with a message.
          pageLoadStrategy: 'none',
          'webkitgtk:browserOptions': {
            binary: ENGINES.webkit.also[0],
            args: ['--automation'],
          },
        },
      });
      // The launcher reports its name from capabilities; keep ours stable for filtering and skips.
      launchers.push(launcher);
    }
  }
  return launchers;
}
