// What the entrant sees, as data: shared by the element (which shows it) and the npm entry. It imports nothing, so
// every module can use it without an import cycle.

/** What the entrant sees. Reflected to the `state` attribute, so pages can style by it. */
export const FormState = {
  /** The form, waiting for input. */
  Ready: 'ready',
  /** Submitted; waiting for the device to store it and Firehose to acknowledge it. */
  Sending: 'sending',
  /** Firehose acknowledged the entry: "You're in". */
  Delivered: 'delivered',
  /** Stored on the device, still being sent: "Saved on this device, sending…"; turns into `delivered`. */
  Queued: 'queued',
  /** The entry could not be kept on the device; the form stays filled in to try again. */
  Failed: 'failed',
  /** Younger than `min-age`: a polite, final message. */
  Ineligible: 'ineligible',
  /** Before `opens-at`. */
  NotOpen: 'not-open',
  /** At or after `closes-at`. */
  Closed: 'closed',
  /** The attributes are unusable; the message tells whoever set up the page what to fix. */
  Misconfigured: 'misconfigured',
} as const;

/** One of {@link FormState}'s values. */
export type FormState = (typeof FormState)[keyof typeof FormState];
