// `pnpm --filter @campaign-entry/demo run screenshots`: pictures for the README — the campaign page on a phone, the
// "You're in" state, and the live dashboard during a small burst. Runs against its own demo on a free port.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PHONE_SCREEN } from '../../scripts/chromium.mjs';
import { runBurst } from './burst-run.js';
import { enter, launchChromium, outcome } from './page-driver.js';
import { startDemo } from './server.js';

const docs = fileURLToPath(new URL('../../docs/', import.meta.url));
const dataDir = await mkdtemp(join(tmpdir(), 'campaign-screens-'));
const demo = await startDemo({ port: 0, dataDir, buffering: { intervalMs: 1000 } });
const browser = await launchChromium();
try {
  const phone = await browser.newPage(PHONE_SCREEN);
  await phone.goto(`${demo.url}/`);
  await phone.locator('campaign-entry').locator('#name').waitFor();
  await phone.screenshot({ path: join(docs, 'demo-page-phone.png'), fullPage: true });

  // A 360 × 640 phone: the first screen, then a refused submit (the error summary at the top, focused), in English
  // and in Spanish.
  const small = await browser.newPage({
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  for (const locale of ['en', 'es']) {
    await small.goto(`${demo.url}/`);
    await small.locator('campaign-entry').evaluate((element, value) => element.setAttribute('locale', value), locale);
    await small.locator('campaign-entry').locator('#name').waitFor();
    await small.screenshot({ path: join(docs, `demo-first-screen-${locale}.png`) });
    await small.locator('campaign-entry').locator('button[type="submit"]').click();
    await small.locator('campaign-entry').locator('.summary:focus').waitFor();
    await small.screenshot({ path: join(docs, `demo-error-summary-${locale}.png`) });
  }
  await enter(phone, { name: 'Ada Lovelace', email: 'ada@example.com', postalCode: '94110', birthDate: '1990-05-01' });
  await outcome(phone);
  await phone.locator('campaign-entry').scrollIntoViewIfNeeded();
  await phone.screenshot({ path: join(docs, 'demo-delivered-phone.png') });

  // The dashboard mid-burst, while the scaled-down quotas throttle.
  const burst = runBurst({
    url: demo.url,
    entrants: 600,
    arrivalWindowMs: 10_000,
    typingMs: [500, 3000],
    requestsPerSecond: 8,
  });
  const desk = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await desk.goto(`${demo.url}/dashboard/`);
  await desk.waitForFunction(
    () => Number(document.getElementById('entries')?.textContent?.replace(/,/g, '')) > 250,
    undefined,
    { timeout: 60_000 },
  );
  await desk.screenshot({ path: join(docs, 'dashboard.png'), fullPage: true });
  const pocket = await browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true });
  await pocket.goto(`${demo.url}/dashboard/`);
  await pocket.waitForFunction(() => Number(document.getElementById('entries')?.textContent?.replace(/,/g, '')) > 0);
  await pocket.waitForTimeout(1500); // one more poll, so the chart is drawn at the phone's width
  await pocket.screenshot({ path: join(docs, 'dashboard-phone.png') });
  await burst;
  console.log(`Screenshots written to ${docs}`);
} finally {
  await browser.close();
  await demo.close();
  await rm(dataDir, { recursive: true, force: true });
}
