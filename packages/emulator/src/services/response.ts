// The host-neutral HTTP answer every part of the emulator produces. Its own module so the answer builders
// (protocol.ts, cors.ts) and their users share it without importing one another.

/** An HTTP answer, host-neutral: the msw handlers and the Node server each turn it into their own response. */
export interface EmulatorResponse {
  /** HTTP status. */
  status: number;
  /** Header names as AWS spells them. */
  headers: Record<string, string>;
  /** Body text (JSON for the AWS endpoints and the inspection API; empty for preflights). */
  body: string;
}
