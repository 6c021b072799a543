// Why a draw step refused. The CLI prints `message` on one line and exits non-zero.

/** What went wrong (`as const` object + same-name type). */
export const DrawErrorCode = {
  /** Commit before closes-at + grace: records may still arrive. */
  NotFrozen: 'not-frozen',
  /** Reveal or verify without a stored commitment, or commit over an existing one. */
  NoCommitment: 'no-commitment',
  AlreadyCommitted: 'already-committed',
  /** The eligible set recomputed from the files is not the committed one. */
  CommitmentMismatch: 'commitment-mismatch',
  /** A bad argument (closes-at, grace, seed, winners). */
  InvalidArgument: 'invalid-argument',
} as const;

/** One of {@link DrawErrorCode}'s values. */
export type DrawErrorCode = (typeof DrawErrorCode)[keyof typeof DrawErrorCode];

/** A refused draw step; never retryable: the inputs must change first. */
export class DrawError extends Error {
  override readonly name = 'DrawError' as const;
  readonly retryable = false;
  constructor(
    readonly code: DrawErrorCode,
    message: string,
  ) {
    super(message);
  }
}
