// Test support shared by the Node suite (SDK → HTTP server) and the browser suite (SDK → msw): the real AWS SDK
// clients wired to an emulator, with retries off so each answer is seen. Not published.
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { DEFAULT_POOL_ID } from '../config/defaults.js';
import type { EmulatorOptions } from '../config/options.js';
import type { Emulator } from '../emulator-api.js';

/** A pool that allows guests (the default one). */
export const OPEN_POOL = DEFAULT_POOL_ID;
/** A pool without unauthenticated access. */
export const CLOSED_POOL = 'us-east-1:11111111-1111-4111-8111-111111111111';
/** The test streams. */
export const STREAMS = ['entries-0', 'entries-1'] as const;

/** A clock that only moves when told, so quota windows and buffer intervals are tested without waiting. */
export interface ManualClock {
  (): number;
  /** Moves the clock forward by `ms`. */
  advance(ms: number): void;
}

/** Builds a {@link ManualClock} starting at `start` (the real time by default, so SDK signatures stay fresh). */
export function manualClock(start = Date.now()): ManualClock {
  let now = start;
  return Object.assign(() => now, {
    advance(ms: number) {
      now += ms;
    },
  });
}

/** Emulator options both suites use. */
export function testBedOptions(clock: ManualClock): EmulatorOptions {
  return {
    pools: [{ id: OPEN_POOL }, { id: CLOSED_POOL, allowUnauthenticated: false }],
    streams: STREAMS.map((name) => ({ name })),
    clock,
    seed: 7,
  };
}

/** Credentials as the SDK takes them. */
export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** An emulator with real SDK clients pointed at it. */
export interface AwsTestBed {
  /** The emulator. */
  emulator: Emulator;
  /** Its clock. */
  clock: ManualClock;
  /** A Cognito Identity client with retries off. */
  cognito: CognitoIdentityClient;
  /** A Firehose client with retries off, signing with `credentials` (default: fresh guest credentials). */
  firehose(credentials?: TestCredentials): Promise<FirehoseClient>;
  /** GetId + GetCredentialsForIdentity against the open pool. */
  guestCredentials(): Promise<TestCredentials>;
}

/** Builds an {@link AwsTestBed}. `endpoint` is the Node server's URL; leave it out to call AWS's URLs (msw). */
export function createTestBed(emulator: Emulator, clock: ManualClock, endpoint?: string): AwsTestBed {
  const common = { region: emulator.region, maxAttempts: 1, ...(endpoint ? { endpoint } : {}) };
  const cognito = new CognitoIdentityClient(common);
  const guestCredentials = async (): Promise<TestCredentials> => {
    const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: OPEN_POOL }));
    const { Credentials } = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    return {
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretKey ?? '',
      sessionToken: Credentials?.SessionToken ?? '',
    };
  };
  return {
    emulator,
    clock,
    cognito,
    guestCredentials,
    async firehose(credentials) {
      return new FirehoseClient({ ...common, credentials: credentials ?? (await guestCredentials()) });
    },
  };
}

/** Replaces the signed request's `Authorization` header (or removes it, for `undefined`) after the SDK signs. */
export function rewriteAuthorization(client: FirehoseClient, rewrite: (value: string) => string | undefined): void {
  type Args = { request: unknown };
  const middleware = (next: (args: Args) => Promise<unknown>) => async (args: Args) => {
    const headers = (args.request as { headers: Record<string, string> }).headers;
    const value = rewrite(headers.authorization ?? '');
    if (value === undefined) delete headers.authorization;
    else headers.authorization = value;
    return next(args);
  };
  // The stack's middleware type is a union of every step's; this one belongs to finalizeRequest.
  client.middlewareStack.addRelativeTo(middleware as never, {
    relation: 'after',
    toMiddleware: 'httpSigningMiddleware',
    name: 'rewriteAuthorization',
  });
}

const encoder = new TextEncoder();
/** `count` records of `size` bytes each. */
export const records = (count: number, size = 16) =>
  Array.from({ length: count }, () => ({ Data: encoder.encode(`${'x'.repeat(Math.max(0, size - 1))}\n`) }));

/** Puts `count` small records on `stream`. */
export async function putBatch(client: FirehoseClient, count = 1, stream: string = STREAMS[0]) {
  return client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: records(count) }));
}
