// When entries are accepted: the `opens-at` / `closes-at` attributes, as data.
import type { PageProblem } from './page-problems.js';

/** Whether the competition accepts entries at a given time. */
export const WindowState = {
  /** Before `opens-at`. */
  NotOpen: 'not-open',
  /** Between `opens-at` (inclusive) and `closes-at` (exclusive), or no bounds. */
  Open: 'open',
  /** At or after `closes-at`. */
  Closed: 'closed',
} as const;

/** One of {@link WindowState}'s values. */
export type WindowState = (typeof WindowState)[keyof typeof WindowState];

/** The entry window in ms since the epoch; a missing bound is `undefined`. */
export interface EntryWindow {
  readonly opensAt: number | undefined;
  readonly closesAt: number | undefined;
}

// A date-time with an explicit offset: a bare "2027-02-14T18:30" would mean each phone's own time zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/u;

/**
 * Reads `opens-at` / `closes-at`. Returns the window, or the problems found (for the configuration error; worded by
 * page-problems.ts).
 * @example parseWindow('2027-02-14T23:00:00Z', '2027-02-14T23:30:00Z')
 */
export function parseWindow(
  opensAt: string | undefined,
  closesAt: string | undefined,
): { window: EntryWindow; problems: PageProblem[] } {
  const problems: PageProblem[] = [];
  const read = (name: 'opens-at' | 'closes-at', value: string | undefined) => {
    if (value === undefined || value.trim() === '') return undefined;
    const time = ISO_INSTANT.test(value.trim()) ? Date.parse(value) : Number.NaN;
    if (!Number.isNaN(time)) return time;
    problems.push(name);
    return undefined;
  };
  const window = { opensAt: read('opens-at', opensAt), closesAt: read('closes-at', closesAt) };
  if (window.opensAt !== undefined && window.closesAt !== undefined && window.closesAt <= window.opensAt)
    problems.push('window');
  return { window, problems };
}

/** Where `now` (ms since the epoch) falls in the window. */
export function windowState(window: EntryWindow, now: number): WindowState {
  if (window.opensAt !== undefined && now < window.opensAt) return WindowState.NotOpen;
  if (window.closesAt !== undefined && now >= window.closesAt) return WindowState.Closed;
  return WindowState.Open;
}

/** Ms from `now` until the window next changes state, or `undefined` when it never will. */
export function msUntilChange(window: EntryWindow, now: number): number | undefined {
  const next = [window.opensAt, window.closesAt].find((bound) => bound !== undefined && bound > now);
  return next === undefined ? undefined : next - now;
}
