// msw handlers: the emulator behind AWS's real endpoint URLs, for browser tests (msw's service worker) and, on Node 22+
// (msw 3's `msw/node` needs it), Node tests. The page's AWS SDK calls https://cognito-identity.<region>.amazonaws.com/ and
// https://firehose.<region>.amazonaws.com/ as in production and never knows.
import { HttpResponse, http, type RequestHandler } from 'msw';
import type { Emulator } from '../emulator-api.js';

/** Options of {@link createHandlers}. */
export interface HandlerOptions {
  /** More origins to answer on besides AWS's, e.g. `['http://emulator.test']` for an SDK given a custom endpoint. @default [] */
  origins?: string[];
}

/**
 * msw request handlers that answer AWS's Cognito Identity endpoints for the region of each pool, the Firehose endpoint
 * for the emulator's region (POSTs and CORS preflights to `/`), from `emulator`. A dropped connection becomes a network error (`HttpResponse.error()`).
 * @example
 * import { setupWorker } from 'msw/browser';
 * const emulator = createEmulator();
 * const worker = setupWorker(...createHandlers(emulator));
 * await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledFrame: 'bypass' });
 */
export function createHandlers(emulator: Emulator, options: HandlerOptions = {}): RequestHandler[] {
  const poolRegions = emulator.stats().pools.map((pool) => pool.region ?? emulator.region);
  const origins = new Set([
    ...[emulator.region, ...poolRegions].map((region) => `https://cognito-identity.${region}.amazonaws.com`),
    `https://firehose.${emulator.region}.amazonaws.com`,
    ...(options.origins ?? []).map((origin) => new URL(origin).origin),
  ]);
  const isEmulated = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    return (
      origins.has(url.origin) && url.pathname === '/' && (request.method === 'POST' || request.method === 'OPTIONS')
    );
  };
  return [
    http.all(isEmulated, async ({ request }) => {
      const answer = await emulator.handle({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: new Uint8Array(await request.arrayBuffer()),
      });
      if (answer === 'drop') return HttpResponse.error();
      return new HttpResponse(answer.body === '' ? null : answer.body, {
        status: answer.status,
        headers: answer.headers,
      });
    }),
  ];
}
