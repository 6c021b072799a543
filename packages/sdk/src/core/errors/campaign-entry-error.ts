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
    // Error reads only `cause` from its options, and sets it only when the key is present.
    super(message, options);
    this.code = code;
    this.retryable = options.retryable;
  }
}
