// The dashboard in Chromium: readable on a 320 px phone with text at 200 % (no sideways scrolling) and no serious
// axe finding.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { runBurst } from './burst-run.js';
import { doubleTextSize, seriousAxeFindings, sidewaysScroll } from './page-checks.js';
import { launchChromium } from './page-driver.js';
import { DEMO_PATHS, type RunningDemo, startDemo } from './server.js';

const built = existsSync(join(DEMO_PATHS.widget, 'campaign-entry.js'));

describe('the dashboard in Chromium', { skip: built ? false : 'the widget is not built: run pnpm build first' }, () => {
  let demo: RunningDemo;
  let dataDir: string;
  let browser: Browser;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'campaign-dashboard-page-'));
    demo = await startDemo({ port: 0, dataDir, buffering: { intervalMs: 500 } });
    browser = await launchChromium();
    await runBurst({ url: demo.url, entrants: 12, arrivalWindowMs: 200, typingMs: [10, 50], deadlineMs: 30_000 });
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`fits a 320 px phone with text at 200 % and has no serious axe finding (${colorScheme})`, async () => {
      const page = await browser.newPage({ viewport: { width: 320, height: 640 }, bypassCSP: true, colorScheme });
      await page.goto(`${demo.url}/dashboard/`);
      await page.waitForFunction(() => document.getElementById('entries')?.textContent === '12', undefined, {
        timeout: 15_000,
      });
      assert.deepEqual(await seriousAxeFindings(page), []);
      await doubleTextSize(page);
      await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Live'));
      assert.equal(await sidewaysScroll(page), 0);
      await page.close();
    });
  }
});
