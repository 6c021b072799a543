// The kiosk's attributes, read once per element: how long the confirmation stays, when a half-filled form is given
// up, the staff PIN and the bound on stored entries.

/** What a kiosk does, from the element's attributes. Durations in ms. */
export interface KioskOptions {
  /** How long the confirmation shows before a fresh form (`kiosk-reset-seconds`, default 5). */
  readonly resetMs: number;
  /** A form left untouched this long with something typed is emptied (`kiosk-idle-seconds`, default 60). */
  readonly idleMs: number;
  /** The PIN the staff view asks for (`staff-pin`); none: the view opens without one. */
  readonly staffPin: string | undefined;
  /** Most entries kept on the tablet (`max-stored-entries`, default 20,000). */
  readonly maxStoredEntries: number;
}

/** Default bound on stored entries in kiosk mode: ~9.8 MB of stored entries at 488 bytes each (README, measured). */
export const KIOSK_MAX_STORED_ENTRIES = 20_000;

const seconds = (value: string | null, fallback: number) => {
  const parsed = Number(value);
  return value !== null && Number.isFinite(parsed) && parsed >= 0 ? parsed * 1000 : fallback * 1000;
};

/** Reads {@link KioskOptions} from `element`'s attributes, with defaults for missing or unusable values. */
export function readKioskOptions(element: Element): KioskOptions {
  const max = Number(element.getAttribute('max-stored-entries'));
  return {
    resetMs: seconds(element.getAttribute('kiosk-reset-seconds'), 5),
    idleMs: seconds(element.getAttribute('kiosk-idle-seconds'), 60),
    staffPin: element.getAttribute('staff-pin') ?? undefined,
    maxStoredEntries: Number.isInteger(max) && max > 0 ? max : KIOSK_MAX_STORED_ENTRIES,
  };
}
