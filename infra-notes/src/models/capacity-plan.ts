// The capacity arithmetic behind CAPACITY.md: which default quota binds at a given peak of entrants per second, how
// many delivery streams to deploy, which quota increases to request, and how a credential backlog grows and drains.

/** AWS default quotas this design meets first (us-east-1). Units in the names. */
export const DEFAULT_QUOTAS = {
  /** Firehose Direct PUT, per stream: PutRecord + PutRecordBatch requests per second (us-east-1/us-west-2/eu-west-1). */
  firehoseRequestsPerSecond: 2_000,
  /** Firehose Direct PUT, per stream: records per second. */
  firehoseRecordsPerSecond: 500_000,
  /** Firehose Direct PUT, per stream: MiB per second. */
  firehoseMiBPerSecond: 5,
  /** Firehose streams per account and region. */
  firehoseStreamsPerRegion: 50,
  /** Cognito Identity GetId, per account and region (requests per second). */
  cognitoGetIdPerSecond: 25,
  /** Cognito Identity GetCredentialsForIdentity, per account and region (requests per second). */
  cognitoGetCredentialsPerSecond: 200,
} as const;

/** Planning assumptions; each is stated in CAPACITY.md. */
export const PLANNING = {
  /** PutRecordBatch calls per entry: one, plus retries of partial failures and timeouts. */
  requestsPerEntry: 1.2,
  /** Share of a quota to plan for: headroom for uneven hashing across streams and sub-minute bursts. */
  targetUtilisation: 0.7,
  /** Bytes of one record (a 3–5 field entry with consent and meta). */
  recordBytes: 450,
  /** New devices per entry: a one-off campaign's entrants are nearly all first-time visitors. */
  newDevicesPerEntry: 1,
} as const;

/**
 * Regions with Cognito identity pools (federated identities) near a North American audience, stream region first: each
 * adds its own default GetId quota, and IAM being global its guests can write to the streams in us-east-1. Check the
 * AWS regional services list before a campaign; Europe (eu-west-1, eu-west-2, eu-central-1, …) and Asia Pacific
 * regions also have them, at a larger latency cost.
 */
export const IDENTITY_POOL_REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'us-west-1', 'ca-central-1'] as const;

/** What one peak rate needs. */
export interface CapacityRow {
  readonly entrantsPerSecond: number;
  /** Regions with an identity pool (the page lists one pool per region). */
  readonly regions: number;
  /** New devices per second the default GetId quotas carry: 25 × regions. */
  readonly getIdCapacityPerSecond: number;
  /** Streams if every entrant made exactly one request and streams filled evenly to 100%. */
  readonly minimumStreams: number;
  /** Streams to deploy: requestsPerEntry and targetUtilisation applied. */
  readonly plannedStreams: number;
  /** MiB/s each planned stream carries (the byte quota is 5; it never binds here). */
  readonly mibPerSecondPerStream: number;
  /** GetId (and GetCredentialsForIdentity) calls per second at the peak: one per new device. */
  readonly credentialCallsPerSecond: number;
  /** Quota increases to request; empty when the defaults carry the peak. */
  readonly increases: readonly string[];
  /** When to file them. */
  readonly leadTime: string;
}

/**
 * The plan for one peak of entrants per second.
 * @param regions identity pools in this many regions, each with its own GetId and GetCredentialsForIdentity quotas
 */
export function planCapacity(entrantsPerSecond: number, regions = 1): CapacityRow {
  const perStream = DEFAULT_QUOTAS.firehoseRequestsPerSecond;
  const minimumStreams = Math.max(1, Math.ceil(entrantsPerSecond / perStream));
  const plannedStreams = Math.max(
    1,
    Math.ceil((entrantsPerSecond * PLANNING.requestsPerEntry) / (perStream * PLANNING.targetUtilisation)),
  );
  const credentialCallsPerSecond = Math.ceil(entrantsPerSecond * PLANNING.newDevicesPerEntry);
  // Devices spread evenly over the regions' pools (by hash), so each region's quota carries its share.
  const perRegion = credentialCallsPerSecond / regions;
  const ask = (callsPerSecond: number) => Math.ceil(callsPerSecond / PLANNING.targetUtilisation);
  const each = regions > 1 ? ' in each region' : '';
  const increases: string[] = [];
  if (perRegion > DEFAULT_QUOTAS.cognitoGetIdPerSecond * PLANNING.targetUtilisation) {
    increases.push(`Cognito GetId → ${ask(perRegion).toLocaleString('en-US')}/s${each}`);
  }
  if (perRegion > DEFAULT_QUOTAS.cognitoGetCredentialsPerSecond * PLANNING.targetUtilisation) {
    increases.push(`Cognito GetCredentialsForIdentity → ${ask(perRegion).toLocaleString('en-US')}/s${each}`);
  }
  if (plannedStreams > DEFAULT_QUOTAS.firehoseStreamsPerRegion) {
    const perStreamNeeded = Math.ceil(
      (entrantsPerSecond * PLANNING.requestsPerEntry) /
        (DEFAULT_QUOTAS.firehoseStreamsPerRegion * PLANNING.targetUtilisation),
    );
    increases.push(`Firehose requests/s per stream → ${perStreamNeeded.toLocaleString('en-US')} (or more streams)`);
  }
  const leadTime =
    increases.length === 0
      ? '—'
      : plannedStreams > DEFAULT_QUOTAS.firehoseStreamsPerRegion || perRegion > 1_000
        ? '8+ weeks; may be granted in part'
        : '4–6 weeks';
  return {
    entrantsPerSecond,
    regions,
    getIdCapacityPerSecond: DEFAULT_QUOTAS.cognitoGetIdPerSecond * regions,
    minimumStreams,
    plannedStreams: Math.min(plannedStreams, DEFAULT_QUOTAS.firehoseStreamsPerRegion),
    mibPerSecondPerStream: (entrantsPerSecond * PLANNING.recordBytes) / 1_048_576 / Math.min(plannedStreams, 50),
    credentialCallsPerSecond,
    increases,
    leadTime,
  };
}

/** A credential backlog: devices waiting for GetId when arrivals exceed the quota for a while. */
export interface Backlog {
  /** Devices still waiting when the burst ends. */
  readonly waitingDevices: number;
  /** Seconds to serve them afterwards at the full quota, if no one else arrives. */
  readonly drainSeconds: number;
}

/**
 * How many devices queue for guest credentials during a burst above the GetId quota, and how long they wait after.
 * @param arrivalsPerSecond new devices per second during the burst
 * @param burstSeconds how long the burst lasts
 * @param quotaPerSecond the GetId quota
 */
export function credentialBacklog(arrivalsPerSecond: number, burstSeconds: number, quotaPerSecond: number): Backlog {
  const waitingDevices = Math.max(0, (arrivalsPerSecond - quotaPerSecond) * burstSeconds);
  return { waitingDevices, drainSeconds: waitingDevices / quotaPerSecond };
}

/**
 * Sizing of the transformation Lambda (packages/firehose-transform). Firehose calls it once per processor buffer of
 * data, so a stream's invocations per second are bounded by the stream's byte quota, whatever the traffic.
 */
export const TRANSFORM_PLANNING = {
  /** The Lambda processor's buffer (`BufferSizeInMBs` in the template), in MiB: the most data per invocation. */
  bufferMiB: 1,
  /**
   * Seconds one invocation takes, planned: a full 1 MiB batch of the smallest entries (about 3,900) takes 0.2–0.5 s
   * on a 2-core build machine; 1 s covers a 1,024 MB arm64 function (about 0.6 vCPU), a cold start and jitter.
   */
  invocationSeconds: 1,
  /** Lambda's default concurrency per account and region, and the part that must stay unreserved. */
  accountConcurrency: 1_000,
  accountUnreserved: 100,
} as const;

/** What the transform needs for a number of streams. */
export interface TransformSizing {
  readonly streams: number;
  /** Invocations per second if every stream ran at its byte quota (a flood included). */
  readonly peakInvocationsPerSecond: number;
  /** `TransformReservedConcurrency` to deploy: peak invocations × planned duration. */
  readonly reservedConcurrency: number;
  /** Whether it fits an account at Lambda's default limit (1,000, with 100 kept unreserved). */
  readonly fitsDefaultAccount: boolean;
}

/** The transform's concurrency for `streams` delivery streams (Little's law: arrival rate × time in system). */
export function planTransform(streams: number): TransformSizing {
  const perStream = DEFAULT_QUOTAS.firehoseMiBPerSecond / TRANSFORM_PLANNING.bufferMiB;
  const peakInvocationsPerSecond = streams * perStream;
  const reservedConcurrency = Math.ceil(peakInvocationsPerSecond * TRANSFORM_PLANNING.invocationSeconds);
  return {
    streams,
    peakInvocationsPerSecond,
    reservedConcurrency,
    fitsDefaultAccount:
      reservedConcurrency <= TRANSFORM_PLANNING.accountConcurrency - TRANSFORM_PLANNING.accountUnreserved,
  };
}
