// The circuit breaker, end to end against a local emulator: a script holding the pool id floods a stream with guest
// credentials; past the alarm's threshold the breaker pauses guest intake (the emulator's `pause`, standing in for the
// template's deny-firehose policy on the guest role); an entrant who submits meanwhile has the entry saved on the
// device (AccessDeniedException → kept, retried); resuming delivers it. Nothing lost. Bounded in records and time.
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { createCampaignClient } from '@campaign-entry/sdk';
import { DEMO_CAMPAIGN } from './server.js';

/** Options of {@link runBreakerDemo}. Durations in milliseconds. */
export interface BreakerOptions {
  /** An emulator with the inspection API on 127.0.0.1 (the running demo, or `startEmulator`'s url). */
  readonly url: string;
  /** The most flood records sent (500 per call). @default 20_000 */
  readonly floodRecords?: number;
  /** The flood stops after this long whatever it sent. @default 15_000 */
  readonly floodMs?: number;
  /** Accepted flood records that trip the breaker (the alarm's "far above the planned peak"). @default 5_000 */
  readonly tripAtRecords?: number;
  /** How long intake stays paused after the entrant's entry is saved (an operator looks, then resumes). @default 1_000 */
  readonly pausedForMs?: number;
  /**
   * The SDK's wait before retrying after AccessDenied (`retry.operatorFixDelayMs`; 5 minutes by default in the SDK,
   * shortened here so the demo does not wait that long). @default 1_000
   */
  readonly operatorFixDelayMs?: number;
  /** Give up waiting for the delivery after this long. @default 60_000 */
  readonly deadlineMs?: number;
  readonly log?: (line: string) => void;
}

/** What the demo saw. */
export interface BreakerReport {
  readonly flood: { readonly sent: number; readonly accepted: number; readonly denied: number };
  /** Accepted flood records when the breaker tripped. */
  readonly trippedAt: number;
  readonly entryId: string;
  /** The entrant's receipt while paused: `queued` (saved on the device). */
  readonly receiptWhilePaused: string;
  /** The SDK's error code for the paused intake (`access-denied`). */
  readonly errorWhilePaused: string | undefined;
  /** The entry reached Firehose after the resume. */
  readonly delivered: boolean;
  /** Entrant entries missing from the emulator's acknowledged records: must be 0. */
  readonly lost: number;
  readonly durationMs: number;
}

async function control<T>(url: string, path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${url}/_emulator/${path}`, init);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A guest's Firehose client, as anyone with the page's pool id gets one. */
async function guestFirehose(url: string): Promise<FirehoseClient> {
  const common = { region: DEMO_CAMPAIGN.region, endpoint: url, maxAttempts: 1 };
  const cognito = new CognitoIdentityClient(common);
  const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: DEMO_CAMPAIGN.identityPoolId }));
  const { Credentials } = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId }));
  return new FirehoseClient({
    ...common,
    credentials: {
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretKey ?? '',
      sessionToken: Credentials?.SessionToken ?? '',
    },
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs flood → pause → an entry saved on the device → resume → delivered. Always resumes intake before returning. */
export async function runBreakerDemo(options: BreakerOptions): Promise<BreakerReport> {
  const { url } = options;
  const log = options.log ?? (() => {});
  const floodRecords = options.floodRecords ?? 20_000;
  const floodMs = options.floodMs ?? 15_000;
  const tripAt = options.tripAtRecords ?? 5_000;
  const started = performance.now();
  const flood = { sent: 0, accepted: 0, denied: 0 };
  let trippedAt = 0;
  const client = createCampaignClient({
    region: DEMO_CAMPAIGN.region,
    identityPoolId: DEMO_CAMPAIGN.identityPoolId,
    deliveryStreams: [...DEMO_CAMPAIGN.deliveryStreams],
    campaignId: DEMO_CAMPAIGN.campaignId,
    endpoints: { cognito: url, firehose: url },
    storage: 'memory',
    watchPage: false,
    fields: [...DEMO_CAMPAIGN.fields],
    minAge: DEMO_CAMPAIGN.minAge,
    retry: { operatorFixDelayMs: options.operatorFixDelayMs ?? 1_000 },
  });
  try {
    // 1. The flood: junk records in full batches, until the bound in records or time.
    const attacker = await guestFirehose(url);
    const junk = Array.from({ length: 500 }, (_, index) => ({ Data: new TextEncoder().encode(`{"junk":${index}}\n`) }));
    log(`flood: up to ${floodRecords} records in ${floodMs / 1000} s from one script with guest credentials`);
    while (flood.sent < floodRecords && performance.now() - started < floodMs) {
      const stream = DEMO_CAMPAIGN.deliveryStreams[(flood.sent / 500) % DEMO_CAMPAIGN.deliveryStreams.length];
      flood.sent += junk.length;
      try {
        const output = await attacker.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: junk }));
        flood.accepted += junk.length - (output.FailedPutCount ?? 0);
      } catch (error) {
        if ((error as Error).name !== 'AccessDeniedException') throw error;
        flood.denied += junk.length;
      }
      if (!trippedAt && flood.accepted >= tripAt) {
        // 2. The alarm fires; the breaker denies the guest role.
        await control(url, 'pause', { method: 'POST' });
        trippedAt = flood.accepted;
        log(`breaker: ${trippedAt} records accepted, over the threshold: guest intake paused`);
      }
    }
    log(`flood: ${flood.accepted} accepted, ${flood.denied} refused with AccessDeniedException once paused`);
    if (!trippedAt) throw new Error(`the flood never reached ${tripAt} records: raise --flood-records or --flood-ms`);

    // 3. A genuine entrant submits while intake is paused: saved on the device, not lost.
    const failed = new Promise<string>((resolve) => client.on('failed', ({ error }) => resolve(error.code)));
    const receipt = await client.submit(
      {
        fields: {
          name: 'Grace Hopper',
          email: 'grace@example.com',
          'postal-code': '10001',
          'birth-date': '1986-12-09',
        },
        consent: { rules: true, marketing: false },
      },
      { fillMs: 12_000 },
    );
    if (receipt.status !== 'queued' && receipt.status !== 'delivered') throw new Error(`submit: ${receipt.status}`);
    const { entryId } = receipt;
    const errorWhilePaused = await Promise.race([failed, sleep(10_000).then(() => undefined)]);
    log(`entrant: ${receipt.status} — saved on the device (${errorWhilePaused ?? 'no answer yet'}), waiting`);
    await sleep(options.pausedForMs ?? 1_000);

    // 4. The operator resumes (the RUNBOOK's one command); the device sends the entry on its next try.
    await control(url, 'resume', { method: 'POST' });
    log('breaker: resumed');
    const deadline = options.deadlineMs ?? 60_000;
    const delivered =
      receipt.status === 'delivered' ||
      (await Promise.race([receipt.delivery.then(() => true), sleep(deadline).then(() => false)]));
    const records = await control<{ records: { data: string }[] }>(url, 'records');
    const acknowledged = records.records.some((record) => record.data.includes(entryId));
    log(`entrant: ${delivered ? "delivered — You're in" : 'not delivered in time'}; lost: ${acknowledged ? 0 : 1}`);
    return {
      flood,
      trippedAt,
      entryId,
      receiptWhilePaused: receipt.status,
      errorWhilePaused,
      delivered,
      lost: acknowledged ? 0 : 1,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    client.dispose();
    await control(url, 'resume', { method: 'POST' }).catch(() => {});
  }
}
