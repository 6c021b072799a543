// The inspection API under `/_emulator/`: plain JSON for tests, scripts and a dashboard to read what the emulator
// acknowledged, to change its faults and quotas while it runs, and to pause guest intake like the circuit breaker. Host-neutral: request in, answer out.
import type { Emulator } from '../emulator-api.js';
import { isEmulatorError } from '../services/errors.js';
import type { EmulatorResponse } from '../services/response.js';

const LOCAL_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether a request may use a local control or data API: its `Host` is a loopback name (a DNS-rebinding page sends its
 * own hostname) and it comes from a same-origin page or a non-browser client (no `Origin`), so no cross-site page
 * can reset the emulator or read its data. The inspection API and the demo's `/api/` routes both refuse the rest.
 * @example isLoopbackRequest(new Headers({ host: '127.0.0.1:4599' })) // true
 */
export function isLoopbackRequest(headers: Headers): boolean {
  const host = headers.get('host') ?? '';
  const origin = headers.get('origin');
  try {
    if (!LOCAL_HOSTNAMES.has(new URL(`http://${host}`).hostname)) return false;
    return origin === null || new URL(origin).host === host;
  } catch {
    return false; // `Origin: null` (sandboxed frames, file: pages) or a garbled header
  }
}

/** Path prefix of the inspection API. */
export const INSPECTION_PREFIX = '/_emulator/';

const json = (status: number, body: unknown): EmulatorResponse => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  body: JSON.stringify(body),
});

function readJson(body: Uint8Array): Record<string, unknown> {
  const text = new TextDecoder().decode(body).trim();
  const value: unknown = text === '' ? {} : JSON.parse(text);
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new TypeError('the body must be a JSON object');
  return value as Record<string, unknown>;
}

type Route = (url: URL, body: Uint8Array) => Promise<unknown> | unknown;

/** The inspection routes, by `METHOD path` (see the README for each). */
function routesFor(emulator: Emulator): Record<string, Route> {
  return {
    'GET records': (url) => {
      const all = emulator.records(url.searchParams.get('stream') ?? undefined);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      if (!Number.isInteger(offset) || offset < 0) throw new TypeError('offset must be a non-negative integer');
      return { total: all.length, records: all.slice(offset) };
    },
    'GET stats': () => emulator.stats(),
    'PUT faults': (_url, body) => ({ faults: emulator.setFaults(readJson(body)) }),
    'PUT quotas': (_url, body) => ({ quotas: emulator.setQuotas(readJson(body)) }),
    'PUT credential-ttl': (_url, body) => {
      const { seconds } = readJson(body);
      emulator.setCredentialTtl(seconds as number);
      return { credentialTtlSeconds: seconds };
    },
    'POST flush': async () => {
      await emulator.flush();
      return { flushed: true };
    },
    'POST reset': async () => {
      // Acknowledged records reach the sink before the slate is wiped (reset() itself drops buffers).
      await emulator.flush();
      emulator.reset();
      return { reset: true };
    },
    'POST expire-credentials': () => {
      emulator.expireAllCredentials();
      return { expired: true };
    },
    // The template's circuit breaker, locally: guest Firehose calls answered AccessDeniedException until resumed.
    'POST pause': () => {
      emulator.pause();
      return { paused: true };
    },
    'POST resume': () => {
      emulator.resume();
      return { paused: false };
    },
  };
}

/**
 * Builds the inspection API handler. It answers requests under {@link INSPECTION_PREFIX} and returns `undefined` for
 * any other path, so a host can fall through to its own routes.
 */
export function createInspectionApi(
  emulator: Emulator,
): (request: { method: string; url: string; body: Uint8Array }) => Promise<EmulatorResponse | undefined> {
  const routes = routesFor(emulator);
  return async ({ method, url, body }) => {
    const parsed = new URL(url, 'http://127.0.0.1');
    if (!parsed.pathname.startsWith(INSPECTION_PREFIX)) return undefined;
    const name = parsed.pathname.slice(INSPECTION_PREFIX.length);
    const route = routes[`${method} ${name}`];
    if (!route) {
      const known = Object.keys(routes).some((key) => key.endsWith(` ${name}`));
      return json(known ? 405 : 404, {
        error: known ? `${method} is not allowed on ${parsed.pathname}` : `no such endpoint ${parsed.pathname}`,
        endpoints: Object.keys(routes).map((key) => key.replace(' ', ` ${INSPECTION_PREFIX}`)),
      });
    }
    try {
      return json(200, await route(parsed, body));
    } catch (error) {
      const bad = isEmulatorError(error) && error.code === 'invalid-option';
      const message = error instanceof Error ? error.message : String(error);
      return json(bad || error instanceof TypeError || error instanceof SyntaxError ? 400 : 500, { error: message });
    }
  };
}
