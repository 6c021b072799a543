// The AWS quotas a simulated halftime meets: AWS's defaults (infra-notes' capacity plan, us-east-1) or given ones.
import { DEFAULT_QUOTAS } from '@campaign-entry/infra-notes/capacity-plan';

/** Per-second quotas. Firehose's apply per delivery stream, Cognito's per identity pool (account and region). */
export interface AwsQuotas {
  /** PutRecordBatch calls per second per stream. */
  readonly firehoseRequestsPerSecond: number;
  /** Records per second per stream. */
  readonly firehoseRecordsPerSecond: number;
  /** Bytes per second per stream. */
  readonly firehoseBytesPerSecond: number;
  /** Cognito `GetId` calls per second per region. */
  readonly getIdPerSecond: number;
  /** Cognito `GetCredentialsForIdentity` calls per second per region. */
  readonly getCredentialsPerSecond: number;
  /**
   * Near its request quota a stream answers 200 with some records failed (`ServiceUnavailableException`): the share
   * of records failed when the stream's bucket is empty, falling linearly to 0 at {@link AwsQuotas.nearQuota}.
   */
  readonly partialFailureShare: number;
  /** Bucket fill (0–1) below which a stream starts failing records. */
  readonly nearQuota: number;
  /** Seconds of quota a bucket may spend at once. */
  readonly burstSeconds: number;
  /** Count in fixed one-second windows instead of token buckets (the local emulator's way; for calibration). */
  readonly fixedWindows: boolean;
}

/** AWS's default quotas (us-east-1). */
export const DEFAULT_AWS_QUOTAS: AwsQuotas = {
  firehoseRequestsPerSecond: DEFAULT_QUOTAS.firehoseRequestsPerSecond,
  firehoseRecordsPerSecond: DEFAULT_QUOTAS.firehoseRecordsPerSecond,
  firehoseBytesPerSecond: DEFAULT_QUOTAS.firehoseMiBPerSecond * 1_048_576,
  getIdPerSecond: DEFAULT_QUOTAS.cognitoGetIdPerSecond,
  getCredentialsPerSecond: DEFAULT_QUOTAS.cognitoGetCredentialsPerSecond,
  partialFailureShare: 0.2,
  nearQuota: 0.1,
  burstSeconds: 1,
  fixedWindows: false,
};
