// The Lambda handler: transformBatch plus the edges. It logs each refused record (capped per invocation, without
// personal data) and one CloudWatch Embedded Metric Format line per invocation (Records, ProcessingFailed,
// FlaggedForReview: the alarm on the refused share reads them). It throws only for systemic failures; see errors.ts.
import { configFromEnv, type TransformConfig, type TransformEnvironment } from './config.js';
import { type FirehoseTransformEvent, type FirehoseTransformResult, MAX_RESPONSE_BYTES } from './contract.js';
import { TransformError, TransformErrorCode } from './errors.js';
import { type BatchSummary, transformBatch } from './transform-batch.js';

/** The function Firehose (or the emulator) calls. */
export type TransformHandler = (event: FirehoseTransformEvent) => Promise<FirehoseTransformResult>;

/** CloudWatch namespace of the metrics the handler emits. */
export const METRICS_NAMESPACE = 'CampaignEntry/Transform';

/** Options of {@link createTransformHandler}. */
export interface TransformHandlerOptions {
  /** Receives one JSON log line per call. @default writes the line to stdout (raw, so CloudWatch reads EMF) */
  log?: (line: string) => void;
  /** Most refused records logged one by one per invocation; the rest are only counted. @default 20 */
  maxRejectionLogs?: number;
  /** Largest answer, in bytes, before the invocation fails whole. @default {@link MAX_RESPONSE_BYTES} */
  maxResponseBytes?: number;
  /** Clock for log timestamps, ms since the epoch. @default Date.now */
  now?: () => number;
}

const writeStdout = (line: string) => {
  // Not console.log: Lambda's console prefixes each line with a timestamp and request id, and EMF needs bare JSON.
  process.stdout.write(`${line}\n`);
};

function metricsLine(summary: BatchSummary, functionName: string, timestamp: number): string {
  return JSON.stringify({
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [
        {
          Namespace: METRICS_NAMESPACE,
          Dimensions: [['FunctionName']],
          Metrics: [
            { Name: 'Records', Unit: 'Count' },
            { Name: 'ProcessingFailed', Unit: 'Count' },
            { Name: 'FlaggedForReview', Unit: 'Count' },
          ],
        },
      ],
    },
    FunctionName: functionName,
    Records: summary.records,
    ProcessingFailed: summary.processingFailed,
    FlaggedForReview: summary.review,
    event: 'batch',
    rejected: summary.rejected,
    flags: summary.flags,
  });
}

/**
 * Builds the handler for a campaign.
 * @param config the campaign, or a function returning it (read on every call; a throw there fails the invocation)
 * @example
 * const handler = createTransformHandler({ campaignId: 'loungebeer-sb', spec: { fields: ['name', 'email'] } });
 * await startEmulator({ transform: handler });
 */
export function createTransformHandler(
  config: TransformConfig | (() => TransformConfig),
  options: TransformHandlerOptions = {},
): TransformHandler {
  const log = options.log ?? writeStdout;
  const maxRejectionLogs = options.maxRejectionLogs ?? 20;
  const maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const now = options.now ?? Date.now;
  return async (event) => {
    const campaign = typeof config === 'function' ? config() : config;
    const outcome = transformBatch(event, campaign);
    for (const rejection of outcome.rejections.slice(0, maxRejectionLogs)) {
      log(JSON.stringify({ level: 'warn', event: 'record-rejected', invocationId: event.invocationId, ...rejection }));
    }
    log(metricsLine(outcome.summary, campaign.functionName ?? 'local', now()));
    if (outcome.responseBytes > maxResponseBytes) {
      // Answering would fail anyway (Lambda refuses the response); failing here says why. Firehose retries, then
      // writes the batch under processing-failed/: nothing is lost, and the Lambda errors alarm fires.
      throw new TransformError(
        TransformErrorCode.ResponseTooLarge,
        `the answer would be ${outcome.responseBytes} bytes, over ${maxResponseBytes}: lower the processor's BufferSizeInMBs`,
      );
    }
    return outcome.result;
  };
}

/**
 * A handler configured from environment variables (read on each invocation and cached once valid), as the Lambda
 * runs it. A bad configuration throws on every invocation: Firehose keeps the records under the error prefix.
 */
export function createEnvironmentHandler(
  env: TransformEnvironment = process.env,
  options: TransformHandlerOptions = {},
): TransformHandler {
  let cached: TransformConfig | undefined;
  return createTransformHandler(() => {
    cached ??= configFromEnv(env);
    return cached;
  }, options);
}
