// `pnpm replay [--yes] [--data <dir>] [--bucket <name> --region <r>] [--endpoint <url>] [--stream <name>]`: sends the
// valid records under errors/processing-failed/ back through their stream. A dry run unless --yes. The campaign's
// checks come from the transform's environment variables (CAMPAIGN_ID, FIELDS, MIN_AGE, LOCALES), defaulting to the
// demo's campaign. One JSON object on stdout.
import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { configFromEnv, type TransformEnvironment } from '@campaign-entry/firehose-transform';
import { type CliIo, ExitCode, runCommand, STORE_OPTIONS, UsageError } from '../cli/command.js';
import { openStores } from '../store/open-stores.js';
import { replayFailed, type SendBatch } from './replay.js';

const USAGE = `Usage:
  pnpm replay [--yes] [--data <dir>] [--bucket <name> --region <aws-region>] [--firehose-endpoint <url>] [--stream <name>]
Without --yes it only reports what it would send. The transform's CAMPAIGN_ID, FIELDS, MIN_AGE and LOCALES (environment)
decide which records are valid; without them, the demo's campaign.`;

/** The demo's campaign as the transform checks it (demo/src/server.ts DEMO_CAMPAIGN). */
const DEMO_TRANSFORM_ENV: TransformEnvironment = {
  CAMPAIGN_ID: 'loungebeer-sb',
  FIELDS: 'name,email,postal-code,birth-date',
  MIN_AGE: '21',
};

/** A sender over a Firehose client: per record, whether it got a RecordId. */
export function firehoseSender(client: FirehoseClient): SendBatch {
  return async (stream, records) => {
    const output = await client.send(
      new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: records.map((Data) => ({ Data })) }),
    );
    return (output.RequestResponses ?? []).map((response) => response.RecordId !== undefined && !response.ErrorCode);
  };
}

const OPTIONS = {
  ...STORE_OPTIONS,
  yes: { type: 'boolean' },
  'firehose-endpoint': { type: 'string' },
  stream: { type: 'string' },
} as const;

/** Runs the replay command; resolves to the exit code (1 when some record could not be sent). */
export function runReplayCli(
  argv: readonly string[],
  io: CliIo,
  env: TransformEnvironment = process.env,
  makeClient: (options: { region: string; endpoint?: string }) => FirehoseClient = (options) =>
    new FirehoseClient(options),
): Promise<number> {
  return runCommand(argv, io, { usage: USAGE, options: OPTIONS }, async ({ values, positionals }) => {
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
    const config = configFromEnv(env.CAMPAIGN_ID ? env : { ...DEMO_TRANSFORM_ENV, LOCALES: env.LOCALES });
    const stores = openStores(values);
    const endpoint = values['firehose-endpoint'];
    const region = values.region ?? 'us-east-1';
    const send = values.yes ? firehoseSender(makeClient(endpoint ? { region, endpoint } : { region })) : undefined;
    const report = await replayFailed(stores.bucket, config, { send, defaultStream: values.stream, now: io.now });
    io.stdout(JSON.stringify({ ...report, location: stores.bucket.location }));
    return report.failed.length === 0 ? ExitCode.Done : ExitCode.Refused;
  });
}
