// The page on an emulated mid-range phone (Chromium via CDP: 4× CPU slowdown, 1.6 Mbps down / 750 kbps up, 150 ms
// RTT), served by the demo server like CloudFront (brotli, immutable hashed chunks, ETags), with the AWS endpoints
// on another origin as in production (so signed calls are CORS-preflighted).

import { enter, launchChromium } from '@campaign-entry/demo/page-driver';
import { DEMO_CAMPAIGN, startDemo } from '@campaign-entry/demo/server';
import { startEmulator } from '@campaign-entry/emulator/server';
import type { BrowserContext, Page } from 'playwright-core';

/** Network and CPU of the emulated phone. */
export const PHONE = { latencyMs: 150, downloadKbps: 1600, uploadKbps: 750, cpuSlowdown: 4 } as const;

/** What loading and submitting measured. Times in ms. */
export interface PageLoadResult {
  /** Navigation start → the form's first input exists (the element rendered): median over runs. */
  readonly interactiveColdMs: number;
  /** The same with the HTTP cache warm (a second visit). */
  readonly interactiveWarmMs: number;
  /** Bytes over the wire (compressed) before the form was interactive, cold. */
  readonly bytesBeforeInteractive: number;
  readonly runs: number;
  /** Tap on Submit → `delivered`, credentials prefetched on first focus: median. */
  readonly submitToDeliveredMs: number;
  /** Requests to the AWS origin between the tap and `delivered` (median): PutRecordBatch calls and CORS preflights. */
  readonly submitRequests: { readonly total: number; readonly putRecordBatch: number; readonly preflight: number };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

async function emulatePhone(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latencyMs,
    downloadThroughput: (PHONE.downloadKbps * 1000) / 8,
    uploadThroughput: (PHONE.uploadKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
  return cdp;
}

// Records when the element first has an input, in the page's own clock (ms since navigation start). A string, not a
// function: tsx would wrap a function's source in helpers the page does not have.
const WATCH_INTERACTIVE = `(() => {
  const check = () => {
    if (document.querySelector('campaign-entry')?.shadowRoot?.querySelector('input')) {
      window.__interactiveAt = performance.now();
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

async function interactiveAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => (window as unknown as { __interactiveAt?: number }).__interactiveAt,
    undefined,
    {
      timeout: 60_000,
    },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Bytes over the wire (headers and compressed bodies, as Resource Timing's `transferSize` counts them) of the document
 * and of every response that had ended by `atMs` (the page's clock): what the phone had to download before the form
 * was interactive. Read from the page after the fact, so a response that arrives while the test is still noticing the
 * form is not counted.
 */
async function bytesBefore(page: Page, atMs: number): Promise<number> {
  return page.evaluate((at) => {
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ] as PerformanceResourceTiming[];
    return entries.filter((entry) => entry.responseEnd <= at).reduce((sum, entry) => sum + entry.transferSize, 0);
  }, atMs);
}

/** Loads and submits `runs` times on an emulated phone. */
export async function measurePageLoad(runs = 5): Promise<PageLoadResult> {
  const aws = await startEmulator({ port: 0, streams: DEMO_CAMPAIGN.deliveryStreams.map((name) => ({ name })) });
  const demo = await startDemo({ port: 0, transform: false, connectSources: [aws.url] });
  const browser = await launchChromium();
  const config = JSON.stringify({
    region: DEMO_CAMPAIGN.region,
    identityPoolId: DEMO_CAMPAIGN.identityPoolId,
    deliveryStreams: DEMO_CAMPAIGN.deliveryStreams,
    campaignId: DEMO_CAMPAIGN.campaignId,
    endpoints: { cognito: aws.url, firehose: aws.url },
  });
  const cold: number[] = [];
  const warm: number[] = [];
  const bytes: number[] = [];
  const submits: number[] = [];
  const requests: { total: number; putRecordBatch: number; preflight: number }[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      await context.addInitScript(WATCH_INTERACTIVE);
      await context.route('**/config.json', (route) =>
        route.fulfill({ contentType: 'application/json', body: config }),
      );
      const page = await context.newPage();
      const cdp = await emulatePhone(context, page);
      await page.goto(`${demo.url}/`);
      const interactiveMs = await interactiveAt(page);
      cold.push(interactiveMs);
      bytes.push(await bytesBefore(page, interactiveMs));

      // Submit with credentials prefetched: the first focus loads the AWS code and fetches credentials.
      await page.locator('campaign-entry').locator('#name').focus();
      const before = (await aws.emulator.stats()).cognito.getCredentials;
      const deadline = Date.now() + 60_000;
      while ((await aws.emulator.stats()).cognito.getCredentials === before && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await page.waitForLoadState('networkidle');
      const seen = { total: 0, putRecordBatch: 0, preflight: 0 };
      let counting = false;
      // CDP, not page.on('request'): only the protocol shows CORS preflights (type "Preflight").
      cdp.on('Network.requestWillBeSent', ({ request, type }) => {
        if (!counting || !request.url.startsWith(aws.url)) return;
        seen.total++;
        if (type === 'Preflight' || request.method === 'OPTIONS') seen.preflight++;
        else if (
          request.headers['X-Amz-Target']?.endsWith('PutRecordBatch') ||
          request.headers['x-amz-target']?.endsWith('PutRecordBatch')
        ) {
          seen.putRecordBatch++;
        }
      });
      await enter(
        page,
        { name: `Phone Run ${run}`, email: `run${run}@example.com`, postalCode: '94110', birthDate: '1990-05-01' },
        () => {
          counting = true;
        },
      );
      const tapped = Date.now();
      await page.waitForFunction(
        () => document.querySelector('campaign-entry')?.getAttribute('state') === 'delivered',
        undefined,
        {
          timeout: 60_000,
        },
      );
      submits.push(Date.now() - tapped);
      counting = false;
      requests.push(seen);

      // A second visit: HTTP cache warm.
      await page.reload();
      warm.push(await interactiveAt(page));
      await context.close();
    }
  } finally {
    await browser.close();
    await demo.close();
    await aws.close();
  }
  return {
    interactiveColdMs: Math.round(median(cold)),
    interactiveWarmMs: Math.round(median(warm)),
    bytesBeforeInteractive: Math.round(median(bytes)),
    runs,
    submitToDeliveredMs: Math.round(median(submits)),
    submitRequests: {
      total: median(requests.map((r) => r.total)),
      putRecordBatch: median(requests.map((r) => r.putRecordBatch)),
      preflight: median(requests.map((r) => r.preflight)),
    },
  };
}
