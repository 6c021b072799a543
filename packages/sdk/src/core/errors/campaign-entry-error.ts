// The one error type this SDK produces; its `code` is one of ErrorCode's values (error-code.ts).
import type { ErrorCode } from './error-code.js';

/** Options for {@link CampaignEntryError}. */
export interface CampaignEntryErrorOptions {
  /** Whether trying again later can succeed without anyone changing anything. */
  retryable: boolean;
  /** The underlying error, e.g. the AWS SDK's modelled exception. */
  cause?: unknown;
}

/**
 * The one error type this SDK produces. Inspect `code` (a stable string) and `retryable`; compare with
 * {@link isCampaignEntryError} rather than `instanceof` when errors may cross realms (iframes, workers).
 * @example
 * ```ts
 * client.on('failed', ({ error }) => console.error(error.code, error.message));
 * ```
 */
export class CampaignEntryError extends Error {
  override readonly name = 'CampaignEntryError' as const;
  /** Stable machine-readable reason. */
  readonly code: ErrorCode;
  /** Whether the SDK keeps retrying by itself. */
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: CampaignEntryErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable;
  }
}

/**
 * Whether `value` is a {@link CampaignEntryError}, also across realms (compares the `name`).
 */
export function isCampaignEntryError(value: unknown): value is CampaignEntryError {
  return (
    value instanceof CampaignEntryError ||
    (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'CampaignEntryError')
  );
}
