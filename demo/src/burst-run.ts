// A halftime burst: simulated entrants arrive over a few seconds, each on its own SDK client (in Node, in-memory
// storage) against a running demo, with the emulator's quotas scaled down so throttling really happens.
import {
  type CampaignClient,
  type CampaignClientConfig,
  createCampaignClient,
  type RetryPolicy,
} from '@campaign-entry/sdk';
import { DEMO_CAMPAIGN, DEMO_POOLS } from './server.js';

/** Options of {@link runBurst}. Durations in milliseconds. */
export interface BurstOptions {
  /** The running demo, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  /** Simulated entrants. @default 2000 */
  readonly entrants?: number;
  /** Arrivals are spread over this window (the URL was on screen). @default 20_000 */
  readonly arrivalWindowMs?: number;
  /** Typing time between opening the form (credentials prefetched) and tapping Submit, uniform in [min, max]. @default [3000, 10000] */
  readonly typingMs?: readonly [number, number];
  /** Firehose requests/s per stream during the burst (AWS: 2,000). @default 15 */
  readonly requestsPerSecond?: number;
  /** Cognito GetId/s per region during the burst (AWS: 25 per account and region). @default 60 */
  readonly getIdPerSecond?: number;
  /** Identity pools (one per region, from {@link DEMO_POOLS}) the entrants' pages list. @default 1 */
  readonly pools?: number;
  /** Give up waiting for acknowledgements after this long. @default 300_000 */
  readonly deadlineMs?: number;
  /** Progress lines. */
  readonly log?: (line: string) => void;
  /** Random source (seed it for repeatable runs). @default Math.random */
  readonly random?: () => number;
  /** The entrants' SDK retry policy over its defaults (`createCampaignClient({ retry })`). @default the SDK's */
  readonly retry?: Partial<RetryPolicy>;
}

/** What a burst measured. */
export interface BurstReport {
  readonly entrants: number;
  readonly submitted: number;
  /** Entries whose delivery the SDK confirmed (Firehose acknowledged the record). */
  readonly acknowledged: number;
  /** Submitted entries missing from the emulator's acknowledged records. Must be 0. */
  readonly lost: number;
  /** Records the emulator acknowledged more than once (at-least-once delivery; removed downstream by entryId). */
  readonly duplicates: number;
  /** Retry decisions the SDK made (per batch of records). */
  readonly retries: number;
  /** Whole-call throttles the emulator answered (quota "Slow down."). */
  readonly throttledCalls: number;
  /** Cognito calls refused with TooManyRequestsException. */
  readonly cognitoThrottles: number;
  /** Identity pools (regions) the devices were spread over. */
  readonly pools: number;
  /** New guest identities Cognito created (one GetId each), and how many a second from the first arrival until the last
   * device's first delivery. */
  readonly getId: { readonly identities: number; readonly perSecond: number };
  /** Time from a device opening the page to its first acknowledged entry, in ms (GetId-bound in a burst of new devices). */
  readonly timeToFirstDelivery: { readonly p50: number; readonly p95: number; readonly max: number };
  /** Time from the first arrival until every device had its first entry acknowledged, in ms. */
  readonly allServedMs: number;
  /** Time from Submit to Firehose's acknowledgement, in ms. */
  readonly timeToAcknowledge: {
    readonly p50: number;
    readonly p95: number;
    readonly p99: number;
    readonly max: number;
  };
  /** Receipts the entrant saw within the SDK's 3 s UX deadline: delivered vs saved-and-sending. */
  readonly receipts: { readonly delivered: number; readonly queued: number; readonly other: number };
  readonly durationMs: number;
  readonly quotas: { readonly requestsPerSecond: number; readonly getIdPerSecond: number; readonly streams: number };
}

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Linus',
  'Margaret',
  'Dennis',
  'Barbara',
  'Ken',
  'Radia',
  'Tim',
  'Frances',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Perlman',
];

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number;
}

async function inspect<T>(url: string, path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${url}/_emulator/${path}`, init);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface Stats {
  quotas: { requestsPerSecond: number | null; getIdPerSecond: number | null };
  firehose: Record<string, { throttled: number }>;
  cognito: { throttled: number; getId: number };
}

/** A simulated device's client: its own in-memory storage, so every one is a new device to Cognito. */
const clientConfig = (url: string, identityPoolId: string, retry?: Partial<RetryPolicy>): CampaignClientConfig => ({
  region: DEMO_CAMPAIGN.region,
  identityPoolId,
  deliveryStreams: [...DEMO_CAMPAIGN.deliveryStreams],
  campaignId: DEMO_CAMPAIGN.campaignId,
  endpoints: { cognito: url, firehose: url },
  storage: 'memory',
  watchPage: false,
  fields: ['name', 'email', 'postal-code', 'birth-date'],
  ...(retry ? { retry } : {}),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a burst against a running demo and reports what happened. Restores the emulator's quotas afterwards. */
export async function runBurst(options: BurstOptions): Promise<BurstReport> {
  const entrants = options.entrants ?? 2000;
  const window = options.arrivalWindowMs ?? 20_000;
  const [typingMin, typingMax] = options.typingMs ?? [3000, 10_000];
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => {});
  // One device first, so the burst measures Cognito and Firehose rather than this process loading the AWS SDK.
  const warmUp = createCampaignClient(clientConfig(options.url, DEMO_POOLS[0] as string));
  await warmUp.prefetch();
  warmUp.dispose();
  const before = await inspect<Stats>(options.url, 'stats');
  const requestsPerSecond = options.requestsPerSecond ?? 15;
  const getIdPerSecond = options.getIdPerSecond ?? 60;
  const pools = options.pools ?? 1;
  if (!(Number.isInteger(pools) && pools >= 1 && pools <= DEMO_POOLS.length))
    throw new Error(`pools must be 1–${DEMO_POOLS.length} (the demo emulator's regions), got ${pools}`);
  await inspect(options.url, 'quotas', { method: 'PUT', body: JSON.stringify({ requestsPerSecond, getIdPerSecond }) });
  const recordsBefore = (await inspect<{ total: number }>(options.url, 'records?offset=999999999')).total;
  const throttledBefore = Object.values(before.firehose).reduce((sum, stream) => sum + stream.throttled, 0);

  const started = performance.now();
  const latencies: number[] = [];
  const firstDeliveries: number[] = [];
  let lastServedAt = started;
  const submittedIds: string[] = [];
  const receipts = { delivered: 0, queued: 0, other: 0 };
  let retries = 0;
  let acknowledged = 0;
  const clients: CampaignClient[] = [];

  async function entrant(index: number): Promise<void> {
    await sleep(random() * window);
    const opened = performance.now();
    const client = createCampaignClient(clientConfig(options.url, DEMO_POOLS.slice(0, pools).join(','), options.retry));
    clients.push(client);
    client.on('retrying', () => retries++);
    void client.prefetch(); // the widget does this when the form first gets focus
    await sleep(typingMin + random() * (typingMax - typingMin));
    const name = `${FIRST[index % FIRST.length]} ${LAST[Math.floor(index / FIRST.length) % LAST.length]}`;
    const tapped = performance.now();
    const acknowledgedAt = new Promise<number>((resolve) => client.on('delivered', () => resolve(performance.now())));
    const receipt = await client.submit(
      {
        fields: {
          name,
          email: `fan${index}@example.com`,
          'postal-code': String(10_000 + Math.floor(random() * 89_999)),
          'birth-date': `19${60 + Math.floor(random() * 40)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
        },
        consent: { rules: true, marketing: random() < 0.4 },
      },
      { fillMs: typingMin, suspect: false, locale: 'en' },
    );
    if (receipt.status === 'delivered' || receipt.status === 'queued') {
      receipts[receipt.status]++;
      submittedIds.push(receipt.entryId);
      const at = await acknowledgedAt;
      latencies.push(at - tapped);
      firstDeliveries.push(at - opened);
      lastServedAt = Math.max(lastServedAt, at);
      acknowledged++;
      if (acknowledged % 250 === 0) log(`  ${acknowledged}/${entrants} acknowledged`);
    } else {
      receipts.other++;
      log(
        `  entrant ${index}: ${receipt.status} ${JSON.stringify(receipt.status === 'invalid' ? receipt.issues : receipt.error.message)}`,
      );
    }
  }

  const all = Promise.all(Array.from({ length: entrants }, (_, index) => entrant(index)));
  const deadline = options.deadlineMs ?? 300_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = await Promise.race([
    all.then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), deadline);
    }),
  ]);
  clearTimeout(timer);
  if (timedOut) log(`  gave up waiting after ${deadline} ms`);
  const durationMs = performance.now() - started;
  for (const client of clients) client.dispose();

  const after = await inspect<Stats>(options.url, 'stats');
  await inspect(options.url, 'quotas', {
    method: 'PUT',
    body: JSON.stringify({
      requestsPerSecond: before.quotas.requestsPerSecond,
      getIdPerSecond: before.quotas.getIdPerSecond,
    }),
  });
  // The emulator's acknowledged records are the ground truth: is every submitted entry there?
  const { records } = await inspect<{ records: { data: string }[] }>(options.url, `records?offset=${recordsBefore}`);
  const counts = new Map<string, number>();
  for (const record of records) {
    const entryId = (JSON.parse(record.data) as { entryId: string }).entryId;
    counts.set(entryId, (counts.get(entryId) ?? 0) + 1);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const firstSorted = [...firstDeliveries].sort((a, b) => a - b);
  const identities = after.cognito.getId - before.cognito.getId;
  const allServedMs = lastServedAt - started;
  return {
    entrants,
    submitted: submittedIds.length,
    acknowledged,
    lost: submittedIds.filter((id) => !counts.has(id)).length,
    duplicates: [...counts.values()].reduce((sum, count) => sum + count - 1, 0),
    retries,
    throttledCalls: Object.values(after.firehose).reduce((sum, stream) => sum + stream.throttled, 0) - throttledBefore,
    cognitoThrottles: after.cognito.throttled - before.cognito.throttled,
    timeToAcknowledge: {
      p50: Math.round(percentile(sorted, 0.5)),
      p95: Math.round(percentile(sorted, 0.95)),
      p99: Math.round(percentile(sorted, 0.99)),
      max: Math.round(sorted.at(-1) ?? Number.NaN),
    },
    pools,
    getId: { identities, perSecond: Math.round((identities / Math.max(allServedMs, 1)) * 10_000) / 10 },
    timeToFirstDelivery: {
      p50: Math.round(percentile(firstSorted, 0.5)),
      p95: Math.round(percentile(firstSorted, 0.95)),
      max: Math.round(firstSorted.at(-1) ?? Number.NaN),
    },
    allServedMs: Math.round(allServedMs),
    receipts,
    durationMs: Math.round(durationMs),
    quotas: { requestsPerSecond, getIdPerSecond, streams: Object.keys(after.firehose).length },
  };
}
