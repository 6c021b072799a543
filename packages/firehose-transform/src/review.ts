// Signals that keep a valid entry but mark it for review: an implausible device clock, a submit outside the campaign
// window, or the SDK's own bot signal. Pure: times in, flags out. The record stays `Ok` and queries filter on
// `checks.review` (the draw excludes it; see infra-notes).
import { DEFAULT_MAX_ENTRY_AGE_MS } from '@campaign-entry/sdk/rules';

/** Why an entry is flagged for review (stable strings, written into `checks.flags`). */
export const ReviewFlag = {
  /** `submittedAt` is more than {@link MAX_CLOCK_AHEAD_MS} after Firehose received the record. */
  ClockAhead: 'clock-ahead',
  /** `submittedAt` is more than {@link MAX_CLOCK_BEHIND_MS} before Firehose received the record. */
  ClockBehind: 'clock-behind',
  /** Submitted before the campaign's `OPENS_AT`. */
  BeforeWindow: 'before-window',
  /** Submitted after the campaign's `CLOSES_AT`. */
  AfterWindow: 'after-window',
  /** The SDK flagged it (`meta.suspect`: honeypot filled, implausibly fast fill). */
  Suspect: 'suspect',
} as const;

/** One of {@link ReviewFlag}'s values. */
export type ReviewFlag = (typeof ReviewFlag)[keyof typeof ReviewFlag];

/**
 * How far a device clock may run ahead of Firehose's, in milliseconds: 5 minutes, the skew AWS itself tolerates on a
 * signed request. A record cannot reach Firehose before it was made, so anything more is a wrong (or forged) clock.
 */
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

/**
 * How long before its arrival an entry may claim to have been submitted, in milliseconds: the SDK keeps an unsent entry
 * on the device at most {@link DEFAULT_MAX_ENTRY_AGE_MS} (7 days), plus the same 5 minutes of clock skew. Entries
 * queued offline legitimately arrive hours or days late, so this bound is wide on purpose.
 */
export const MAX_CLOCK_BEHIND_MS = DEFAULT_MAX_ENTRY_AGE_MS + MAX_CLOCK_AHEAD_MS;

/** What {@link reviewFlags} looks at. Times in milliseconds since the epoch. */
export interface ReviewInput {
  /** The device's submit time (`submittedAt`). */
  readonly submittedAt: number;
  /** Firehose's arrival time (`approximateArrivalTimestamp`). */
  readonly arrivedAt: number;
  /** `meta.suspect`. */
  readonly suspect: boolean;
  /** The campaign window, when configured. */
  readonly opensAt?: number | undefined;
  readonly closesAt?: number | undefined;
}

/** The flags that apply, in a fixed order (empty when the entry needs no review). */
export function reviewFlags(input: ReviewInput): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  const skew = input.submittedAt - input.arrivedAt;
  if (skew > MAX_CLOCK_AHEAD_MS) flags.push(ReviewFlag.ClockAhead);
  if (-skew > MAX_CLOCK_BEHIND_MS) flags.push(ReviewFlag.ClockBehind);
  if (input.opensAt !== undefined && input.submittedAt < input.opensAt) flags.push(ReviewFlag.BeforeWindow);
  if (input.closesAt !== undefined && input.submittedAt > input.closesAt) flags.push(ReviewFlag.AfterWindow);
  if (input.suspect) flags.push(ReviewFlag.Suspect);
  return flags;
}
