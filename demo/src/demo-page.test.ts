// The README's promise, checked: the demo page in a real browser, an entry typed and submitted, then found with
// `pnpm query` in the gzip files the emulator wrote in Firehose's layout.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { PHONE_SCREEN } from '../../scripts/chromium.mjs';
import { SOURCE_NODE_OPTIONS } from '../../scripts/source-node-options.mjs';
import { doubleTextSize, seriousAxeFindings, sidewaysScroll } from './page-checks.js';
import { enter, launchChromium, outcome } from './page-driver.js';
import { DEMO_PATHS, type RunningDemo, startDemo } from './server.js';

const run = promisify(execFile);
const built = existsSync(join(DEMO_PATHS.widget, 'campaign-entry.js'));

describe('the demo page in Chromium', { skip: built ? false : 'the widget is not built: run pnpm build first' }, () => {
  let demo: RunningDemo;
  let dataDir: string;
  let browser: Browser;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'campaign-demo-page-'));
    demo = await startDemo({ port: 0, dataDir, buffering: { intervalMs: 500 } });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows the form on the first screen of a 360 × 640 phone', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
    await page.goto(`${demo.url}/`);
    const name = page.locator('campaign-entry').locator('#name');
    await name.waitFor();
    const box = await name.boundingBox();
    assert.ok(box && box.y + box.height <= 640, `the first field ends at ${box?.y}+${box?.height}`);
    await page.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious axe finding, and fits 320 px with text at 200 % (${colorScheme})`, async () => {
      const page = await browser.newPage({ viewport: { width: 320, height: 640 }, bypassCSP: true, colorScheme });
      await page.goto(`${demo.url}/`);
      await page.locator('campaign-entry').locator('#name').waitFor();
      assert.deepEqual(await seriousAxeFindings(page), []);
      await doubleTextSize(page);
      await page.locator('campaign-entry').locator('#name').waitFor();
      assert.equal(await sidewaysScroll(page), 0);
      await page.close();
    });
  }

  it('takes an entry typed on a phone-sized screen, and pnpm query finds it in the delivered files', async () => {
    const page = await browser.newPage(PHONE_SCREEN);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${demo.url}/`);
    await enter(page, {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      postalCode: '94110',
      birthDate: '1990-05-01',
      marketing: true,
    });
    assert.equal(await outcome(page), 'delivered');
    assert.match((await page.locator('campaign-entry').locator('h2').textContent()) ?? '', /You're in/);
    assert.deepEqual(violations, [], 'the page runs under the production CSP');
    await page.close();
    await demo.emulator.flush();

    const { stdout } = await run(
      process.execPath,
      [
        ...SOURCE_NODE_OPTIONS,
        join(DEMO_PATHS.site, '..', 'src', 'query.ts'),
        '--data',
        dataDir,
        '--json',
        "select fields['name'] as name, fields['email'] as email, consent.marketing as marketing, meta.locale as locale, checks.valid as valid from entries_unique",
      ],
      { cwd: join(DEMO_PATHS.site, '..', '..') },
    );
    assert.deepEqual(JSON.parse(stdout), [
      { name: 'Ada Lovelace', email: 'ada@example.com', marketing: true, locale: 'en', valid: true },
    ]);
  });
});
