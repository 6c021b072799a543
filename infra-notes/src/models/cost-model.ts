// The cost arithmetic behind COST.md. Prices are us-east-1 on-demand list prices in USD as assumed on PRICE_DATE,
// without free tiers, taxes or discounts; they change, so re-check every one on the AWS pricing pages before budgeting.

/** The date the prices below were taken as valid. */
export const PRICE_DATE = '2025-06-01';

/** Unit prices (USD). */
export const PRICES = {
  /** Firehose Direct PUT ingestion per GB (first 500 TB/month); each record is billed rounded up to 5 KB. */
  firehosePerGB: 0.029,
  /** The Firehose billing unit per record: 5 KB = 5,120 bytes. */
  firehoseRecordRoundingBytes: 5_120,
  /** S3 Standard storage per GB-month. */
  s3StandardPerGBMonth: 0.023,
  /** S3 PUT/COPY/POST/LIST per 1,000 requests. */
  s3PutPer1000: 0.005,
  /** S3 GET per 1,000 requests. */
  s3GetPer1000: 0.0004,
  /** S3 Glacier Flexible Retrieval storage per GB-month (90-day minimum). */
  glacierPerGBMonth: 0.0036,
  /** Lifecycle transitions into Glacier Flexible Retrieval per 1,000 objects. */
  glacierTransitionPer1000: 0.03,
  /** Athena per TB scanned, 10 MB minimum per query. */
  athenaPerTBScanned: 5,
  /** CloudFront data transfer out per GB (first 10 TB/month, United States/Europe). */
  cloudFrontPerGB: 0.085,
  /** CloudFront HTTPS requests per 10,000 (United States). */
  cloudFrontHttpsPer10k: 0.01,
  /** WAF: per web ACL per month. */
  wafWebAclPerMonth: 5,
  /** WAF: per rule (a managed rule group counts as one) per month. */
  wafRulePerMonth: 1,
  /** WAF: per million requests inspected. */
  wafPerMillionRequests: 0.6,
  /** KMS: per customer-managed key per month. */
  kmsKeyPerMonth: 1,
  /** KMS: per 10,000 requests. */
  kmsPer10kRequests: 0.03,
  /** Lambda requests per million. */
  lambdaPerMillionRequests: 0.2,
  /** Lambda duration per GB-second on arm64 (first tier). */
  lambdaArmPerGBSecond: 0.0000133334,
  /** CloudWatch custom metric per month (the transform's Records, ProcessingFailed, FlaggedForReview). */
  cloudWatchMetricPerMonth: 0.3,
  /** CloudTrail data events per 100,000 (management events: first copy free). */
  cloudTrailDataEventsPer100k: 0.1,
  /** CloudWatch Logs ingestion per GB (the trail's copy that the Cognito alarms read). */
  cloudWatchLogsPerGB: 0.5,
  /** CloudWatch standard alarm per month (metric-math alarms count each metric). */
  cloudWatchAlarmPerMonth: 0.1,
  /** AWS Config per configuration item recorded. */
  configItem: 0.003,
  /** AWS Config per rule evaluation (first 100,000). */
  configRuleEvaluation: 0.001,
  /** Shield Advanced per organization per month, 1-year commitment (data transfer fees extra). */
  shieldAdvancedPerMonth: 3_000,
} as const;

/** Usage assumptions per entry and per campaign; each is stated in COST.md. */
export const USAGE = {
  /** Bytes of one record as sent (3–5 fields, consent, meta). */
  recordBytes: 450,
  /** Gzip size / raw size of the delivered NDJSON (similar records compress well). */
  gzipRatio: 0.25,
  /** Page loads per entry (people who look and leave, reloads). */
  visitsPerEntry: 1.5,
  /** Bytes CloudFront serves per visit: page, widget, lazily loaded AWS SDK chunk (~50 KB gz), config. */
  bytesPerVisit: 80 * 1024,
  /** Requests per visit (HTML, scripts, styles, config, icon). */
  requestsPerVisit: 6,
  /** CloudTrail management events per entry: GetId + GetCredentialsForIdentity, about 1.2 KB each in the log group. */
  trailBytesPerEntry: 2 * 1_200,
  /** The transform's memory, in GB (1,024 MB). */
  transformMemoryGB: 1,
  /** Seconds the transform takes per MiB of records (0.2–0.5 s measured on a 2-core machine; the slower end). */
  transformSecondsPerMiB: 0.5,
  /** Seconds of a near-empty invocation (the processor interval fires with a few records). */
  transformSecondsPerInvocation: 0.01,
  /** Bytes the transform logs per invocation (the metrics line; refusals add more, capped at 20 lines). */
  transformLogBytesPerInvocation: 1_000,
  /** Delivery streams deployed. */
  streams: 4,
  /** Hours the streams receive traffic (each writes at least one object per buffer interval). */
  activeHours: 2,
  /** Buffer interval in seconds (one object per stream per interval while traffic flows). */
  bufferSeconds: 60,
  /** Athena queries over the campaign: dashboards (direct query) refreshing plus ad-hoc and the draw. */
  athenaQueries: 800,
  /** Resources AWS Config records changes for, and changes each. */
  configItems: 40 * 10,
  /** Config rule evaluations over the month. */
  configEvaluations: 8 * 60,
  /** Months entries stay (12: in S3 Standard through the claims window, then Glacier). */
  retentionMonths: 12,
  /** Months in S3 Standard: the draw and the prize claims window (`ClaimsWindowDays` 90), where Athena reads them. */
  standardMonths: 3,
} as const;

/** Cost lines for one volume of entries, in USD for the campaign month (storage: the whole retention). */
export interface CostEstimate {
  readonly entries: number;
  readonly lines: Readonly<Record<CostLine, number>>;
  readonly total: number;
}

/** The cost lines, in table order. */
export const COST_LINES = [
  'Firehose',
  'S3 (requests, storage, Glacier)',
  'Athena',
  'CloudFront',
  'WAF',
  'KMS',
  'CloudTrail + CloudWatch Logs',
  'AWS Config',
  'CloudWatch alarms',
  'Transform Lambda',
] as const;

/** One cost line. */
export type CostLine = (typeof COST_LINES)[number];

const GB = 1_000_000_000;

/** Estimates the cost of a campaign of this many entries with {@link USAGE} and {@link PRICES}. */
export function estimateCost(entries: number): CostEstimate {
  const billedFirehoseBytes =
    entries * Math.ceil(USAGE.recordBytes / PRICES.firehoseRecordRoundingBytes) * PRICES.firehoseRecordRoundingBytes;
  const storedGB = (entries * USAGE.recordBytes * USAGE.gzipRatio) / GB;
  const objects =
    USAGE.streams * ((USAGE.activeHours * 3_600) / USAGE.bufferSeconds) +
    Math.ceil((entries * USAGE.recordBytes) / (64 * 1_048_576));
  const visits = entries * USAGE.visitsPerEntry;
  const requests = visits * USAGE.requestsPerVisit;
  const scannedBytesPerQuery = Math.max(10 * 1_000_000, storedGB * GB);
  const athenaObjectReads = objects * USAGE.athenaQueries;
  // Per stream: throttled, quota, transform, freshness and the breaker's flood alarm; plus 8 stack-wide.
  const alarms = USAGE.streams * 5 + 8;
  const mib = (entries * USAGE.recordBytes) / 1_048_576;
  // One invocation per processor buffer (1 MiB) of data, and at least one per stream per interval while active.
  const invocations = USAGE.streams * ((USAGE.activeHours * 3_600) / USAGE.bufferSeconds) + Math.ceil(mib);
  const lambdaSeconds = mib * USAGE.transformSecondsPerMiB + invocations * USAGE.transformSecondsPerInvocation;

  const lines: Record<CostLine, number> = {
    Firehose: (billedFirehoseBytes / GB) * PRICES.firehosePerGB,
    'S3 (requests, storage, Glacier)':
      (objects / 1000) * PRICES.s3PutPer1000 +
      (athenaObjectReads / 1000) * PRICES.s3GetPer1000 +
      storedGB * USAGE.standardMonths * PRICES.s3StandardPerGBMonth +
      storedGB * (USAGE.retentionMonths - USAGE.standardMonths) * PRICES.glacierPerGBMonth +
      (objects / 1000) * PRICES.glacierTransitionPer1000,
    Athena: ((USAGE.athenaQueries * scannedBytesPerQuery) / 1e12) * PRICES.athenaPerTBScanned,
    CloudFront:
      ((visits * USAGE.bytesPerVisit) / GB) * PRICES.cloudFrontPerGB +
      (requests / 10_000) * PRICES.cloudFrontHttpsPer10k,
    WAF: PRICES.wafWebAclPerMonth + 4 * PRICES.wafRulePerMonth + (requests / 1e6) * PRICES.wafPerMillionRequests,
    KMS: PRICES.kmsKeyPerMonth + ((objects + athenaObjectReads) / 10_000) * PRICES.kmsPer10kRequests,
    'CloudTrail + CloudWatch Logs':
      ((objects + athenaObjectReads) / 100_000) * PRICES.cloudTrailDataEventsPer100k +
      ((entries * USAGE.trailBytesPerEntry) / GB) * PRICES.cloudWatchLogsPerGB,
    'AWS Config': USAGE.configItems * PRICES.configItem + USAGE.configEvaluations * PRICES.configRuleEvaluation,
    'CloudWatch alarms': alarms * PRICES.cloudWatchAlarmPerMonth,
    'Transform Lambda':
      (invocations / 1e6) * PRICES.lambdaPerMillionRequests +
      lambdaSeconds * USAGE.transformMemoryGB * PRICES.lambdaArmPerGBSecond +
      3 * PRICES.cloudWatchMetricPerMonth +
      ((invocations * USAGE.transformLogBytesPerInvocation) / GB) * PRICES.cloudWatchLogsPerGB,
  };
  const total = Object.values(lines).reduce((sum, value) => sum + value, 0);
  return { entries, lines, total };
}
