// The local campaign: the emulator (Cognito Identity + Firehose → gzip files) and the demo site on one origin,
// plus the live dashboard. `pnpm demo` runs it; tests start it on port 0.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { DEFAULT_POOL_ID, defaultPoolId, type EmulatorOptions } from '@campaign-entry/emulator';
import { isLoopbackNodeRequest, type RunningEmulator, startEmulator } from '@campaign-entry/emulator/server';
import { createTransformHandler, type TransformConfig } from '@campaign-entry/firehose-transform';
import type { FieldName } from '@campaign-entry/sdk/rules';
import { createDashboard } from './dashboard-data.js';
import { DEMO_PORT } from './demo-url.js';
import { contentSecurityPolicy, createStaticHandler } from './static-files.js';

/** Where the demo's files are. */
export const DEMO_PATHS = {
  site: fileURLToPath(new URL('../site/', import.meta.url)),
  dashboard: fileURLToPath(new URL('../dashboard/', import.meta.url)),
  widget: fileURLToPath(new URL('../../packages/widget/dist/', import.meta.url)),
  data: fileURLToPath(new URL('../../.data/', import.meta.url)),
};

/** The streams and campaign the demo runs. */
export const DEMO_CAMPAIGN = {
  region: 'us-east-1',
  identityPoolId: DEFAULT_POOL_ID,
  deliveryStreams: ['entries-0', 'entries-1'],
  campaignId: 'loungebeer-sb',
  bucket: 'campaign-entries',
  /** As on the page's element (demo/site/index.html) and in the transform Lambda's FIELDS/MIN_AGE. */
  fields: ['name', 'email', 'postal-code', 'birth-date'] as readonly FieldName[],
  minAge: 21,
} as const;

/**
 * Identity pools of the demo's emulator, one per region (GetId's 25/s quota is per account and region): the page uses
 * the first; `pnpm demo:burst --pools N` spreads new devices over the first N.
 */
export const DEMO_POOLS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1'].map((region) =>
  region === DEMO_CAMPAIGN.region ? DEMO_CAMPAIGN.identityPoolId : defaultPoolId(region),
);

/** What the demo's transform Lambda checks (its FIELDS/MIN_AGE/CAMPAIGN_ID); the dashboard applies the same checks. */
export const DEMO_TRANSFORM_CONFIG: TransformConfig = {
  campaignId: DEMO_CAMPAIGN.campaignId,
  spec: { fields: DEMO_CAMPAIGN.fields, minAge: DEMO_CAMPAIGN.minAge },
};

/** Options of {@link startDemo}. */
export interface DemoOptions {
  /** Port on 127.0.0.1; 0 picks a free one. @default 8787 */
  readonly port?: number;
  /** Where delivered objects go (`<dataDir>/s3/<bucket>/entries/…`). @default the repository's `.data/` */
  readonly dataDir?: string;
  /** Firehose buffering hints. @default 1 MiB / 10 s, so `pnpm query` sees entries within seconds */
  readonly buffering?: EmulatorOptions['buffering'];
  /** More emulator options (faults, quotas, seed…). */
  readonly emulator?: Omit<EmulatorOptions, 'streams' | 'pools' | 'sink' | 'buffering'>;
  /**
   * Run the Firehose transformation Lambda (packages/firehose-transform) on buffered records, as the deployed stack
   * does: invalid records go to `errors/processing-failed/…` instead of `entries/`. @default true
   */
  readonly transform?: boolean;
  /** More origins the page may call (CSP `connect-src`), e.g. AWS endpoints on another origin. @default none */
  readonly connectSources?: readonly string[];
  /** Told one line per AWS call (and the transform's log lines). */
  readonly log?: (line: string) => void;
}

/** A running demo. */
export interface RunningDemo {
  /** `http://127.0.0.1:<port>`: the site, the dashboard at `/dashboard/`, and both AWS endpoints. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly emulator: RunningEmulator['emulator'];
  /** Stops the server and writes every buffered record to disk. */
  close(): Promise<void>;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(JSON.stringify(body));
}

/** Starts the emulator and the site on one origin. */
export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const dataDir = options.dataDir ?? DEMO_PATHS.data;
  let origin = '';
  let dashboard: ReturnType<typeof createDashboard> | undefined;
  const securityHeaders = () => ({
    'Content-Security-Policy': contentSecurityPolicy(options.connectSources ?? []),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  });
  const site = createStaticHandler([DEMO_PATHS.site, DEMO_PATHS.widget], securityHeaders());
  const dashboardFiles = createStaticHandler([DEMO_PATHS.dashboard], securityHeaders());

  async function fallback(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { pathname } = new URL(request.url ?? '/', origin);
    if (pathname === '/config.json') {
      // The only file that differs between this and the real deployment: here both endpoints are this server.
      sendJson(response, 200, {
        region: DEMO_CAMPAIGN.region,
        identityPoolId: DEMO_CAMPAIGN.identityPoolId,
        deliveryStreams: DEMO_CAMPAIGN.deliveryStreams,
        campaignId: DEMO_CAMPAIGN.campaignId,
        endpoints: { cognito: origin, firehose: origin },
      });
      return;
    }
    if (pathname === '/api/dashboard') {
      // Entrants' data: refused to any other Host (DNS rebinding) or cross-origin page, as the emulator's own API.
      if (isLoopbackNodeRequest(request)) sendJson(response, 200, dashboard?.());
      else sendJson(response, 403, { error: 'cross-origin use refused' });
      return;
    }
    if (pathname === '/dashboard') {
      response.statusCode = 308;
      response.setHeader('Location', '/dashboard/');
      response.end();
      return;
    }
    if (pathname.startsWith('/dashboard/')) {
      if (await dashboardFiles(request, response, pathname.slice('/dashboard'.length))) return;
    } else if (await site(request, response, pathname)) {
      return;
    }
    const widgetMissing = pathname.endsWith('campaign-entry.js');
    sendJson(response, 404, {
      error: widgetMissing
        ? 'campaign-entry.js is not built: run `pnpm build` (pnpm demo does it for you).'
        : 'Not found',
    });
  }

  const running = await startEmulator({
    port: options.port ?? DEMO_PORT,
    dataDir,
    region: DEMO_CAMPAIGN.region,
    pools: DEMO_POOLS.map((id) => ({ id, region: id.slice(0, id.indexOf(':')) })),
    streams: DEMO_CAMPAIGN.deliveryStreams.map((name) => ({ name, bucket: DEMO_CAMPAIGN.bucket, prefix: 'entries/' })),
    buffering: options.buffering ?? { sizeBytes: 1024 * 1024, intervalMs: 10_000 },
    ...(options.transform === false
      ? {}
      : {
          transform: createTransformHandler(DEMO_TRANSFORM_CONFIG, { log: options.log ?? (() => {}) }),
        }),
    ...options.emulator,
    fallback: (request, response) => {
      fallback(request, response).catch((error: unknown) => {
        if (!response.headersSent) sendJson(response, 500, { error: String(error) });
        else response.destroy();
      });
    },
    ...(options.log ? { log: options.log } : {}),
  });
  origin = running.url;
  dashboard = createDashboard(running.emulator, options.transform === false ? undefined : DEMO_TRANSFORM_CONFIG);
  return {
    url: running.url,
    port: running.port,
    dataDir,
    emulator: running.emulator,
    close: () => running.close(),
  };
}
