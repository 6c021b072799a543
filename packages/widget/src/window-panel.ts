// The panels shown outside the entry window ("Entries open on …", "… closed on …"), with their English copy, in a
// chunk of their own: an entrant who submits, inside the window, never loads it. A time is said in the campaign's time
// zone (the `time-zone` attribute) with the zone's name, then in the entrant's own when that differs.
import { enWindow } from './strings/en-window.js';
import type { Locale } from './strings/locale.js';
import type { CampaignEntryStrings } from './strings/strings.js';

// `{time}` filled in: this chunk's one placeholder. (Not strings.ts's format(): that would make this chunk wait for the
// controller's, which holds it.)
const withTime = (text: string, time: string) => text.replace('{time}', time);

/**
 * `at` (ms since the epoch) in the campaign's `timeZone` with the zone's name, then in the entrant's zone
 * (`entrantZone`, the device's by default) when that reads differently.
 * @example zonedTime(Date.UTC(2027, 1, 14, 23, 30), 'en', 'America/New_York', en, 'America/Los_Angeles')
 * // 'Feb 14, 6:30 PM EST (Feb 14, 3:30 PM PST your time)'
 */
export function zonedTime(
  at: number | undefined,
  locale: Locale,
  timeZone: string | undefined,
  t: Pick<CampaignEntryStrings, 'yourTime'>,
  entrantZone?: string,
): string {
  const when = (zone: string | undefined) =>
    new Intl.DateTimeFormat(locale, {
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
      ...(zone ? { timeZone: zone } : {}),
    }).format(at);
  const local = when(entrantZone);
  const campaign = when(timeZone ?? entrantZone);
  return campaign === local ? local : `${campaign} (${withTime(t.yourTime, local)})`;
}

/**
 * The not-open or closed panel's title and body in copy `t` (this chunk's English where `t` has none of its own), for
 * the opening or closing time `at`.
 */
export function windowCopy(
  state: 'not-open' | 'closed',
  at: number | undefined,
  locale: Locale,
  timeZone: string | undefined,
  copy: Partial<CampaignEntryStrings>,
): [title: string, body: string] {
  const t = { ...enWindow, ...copy };
  const time = zonedTime(at, locale, timeZone, t);
  return state === 'closed'
    ? [t.closedTitle, withTime(t.closedBody, time)]
    : [t.notOpenTitle, withTime(t.notOpenBody, time)];
}
