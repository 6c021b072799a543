// The record as Firehose holds it between acceptance and delivery. Its own module so the Firehose service, the
// delivery and the transform step share it without importing one another.

/** A record accepted by Firehose and waiting in a buffer. */
export interface BufferedRecord {
  /** The id returned to the client. */
  recordId: string;
  /** The bytes as sent (after base64 decoding). */
  data: Uint8Array;
  /** Emulator time it arrived, in milliseconds since the epoch. */
  arrivedAt: number;
}
