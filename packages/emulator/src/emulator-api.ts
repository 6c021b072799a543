// The emulator's public shape: what hosts hand it, what it answers, what tests and dashboards read from it.

import type { Faults, QuotaSettings, Quotas, ResolvedPool, ResolvedStream } from './config/options.js';
import type { DeliveryCounters } from './delivery/delivery.js';
import type { TransformCounters } from './delivery/transform.js';
import type { EmulatorResponse } from './services/response.js';
import type { CognitoCounters, SecondStats, StreamCounters } from './services/stats.js';

/** A request as any host sees it. */
export interface EmulatorRequest {
  /** HTTP method. */
  method: string;
  /** Absolute URL (a relative one is read against `http://127.0.0.1`). */
  url: string;
  /** Request headers. */
  headers: Headers | Record<string, string>;
  /** Raw body. */
  body: Uint8Array;
}

/** A record Firehose accepted and acknowledged with a `RecordId`. */
export interface AcknowledgedRecord {
  /** Delivery stream. */
  stream: string;
  /** The `RecordId` answered. */
  recordId: string;
  /** The record's bytes as UTF-8 text. */
  data: string;
  /** Emulator time it arrived, in milliseconds since the epoch. */
  arrivedAt: number;
}

/** Everything a test or a dashboard wants to know, as plain data. Lifted quotas are `Infinity` (`null` in JSON). */
export interface EmulatorStats {
  /** Emulator time, in milliseconds since the epoch. */
  now: number;
  /** Region. */
  region: string;
  /** Identity pools. */
  pools: ResolvedPool[];
  /** Delivery streams and their destinations. */
  streams: ResolvedStream[];
  /** Quotas in force. */
  quotas: Quotas;
  /** Faults in force. */
  faults: Faults;
  /** Buffering hints in force. */
  buffering: { sizeBytes: number; intervalMs: number };
  /** Lifetime of issued credentials, in seconds. */
  credentialTtlSeconds: number;
  /** Per stream: call counters and delivery counters. */
  firehose: Record<string, StreamCounters & DeliveryCounters>;
  /** Cognito counters and the number of identities. */
  cognito: CognitoCounters & { identities: number };
  /**
   * Data transformation: whether a `transform` runs, and per stream the records it processed, passed (`okRecords`),
   * refused to `processing-failed/` (`processingFailedRecords`) or dropped. The refused share is
   * `processingFailedRecords / processedRecords`.
   */
  transform: { enabled: boolean; streams: Record<string, TransformCounters> };
  /** Per-second counters of the last five minutes, oldest first; quiet seconds are absent. */
  history: SecondStats[];
  /**
   * Guest intake: `paused` while {@link Emulator.pause} is in force (the template's circuit breaker), and the guest
   * Firehose calls refused with `AccessDeniedException` since creation or the last reset.
   */
  intake: { paused: boolean; deniedCalls: number };
}

/** A local Cognito Identity + Firehose. Create it with `createEmulator()`. */
export interface Emulator {
  /** The region its endpoints answer for. */
  readonly region: string;
  /** Answers one request: an AWS JSON 1.1 response, or `'drop'` when the connection must be dropped. */
  handle(request: EmulatorRequest): Promise<EmulatorResponse | 'drop'>;
  /** Every record acknowledged so far (optionally of one stream), in arrival order. */
  records(stream?: string): AcknowledgedRecord[];
  /** Counters, settings and recent history. */
  stats(): EmulatorStats;
  /** Changes faults from now on; returns the faults in force. Throws `ConfigError`. */
  setFaults(faults: Partial<Faults>): Faults;
  /** Changes quotas from now on (`false`/`null`/`Infinity` lifts one); returns the quotas in force. Throws `ConfigError`. */
  setQuotas(quotas: QuotaSettings): Quotas;
  /** Lifetime of credentials issued from now on, in seconds. Throws `ConfigError`. */
  setCredentialTtl(seconds: number): void;
  /** Expires every credential issued so far: the next signed call with one gets `ExpiredTokenException`. */
  expireAllCredentials(): void;
  /**
   * Pauses guest intake as the template's circuit breaker does (a deny-firehose policy on the guest role): from now
   * on every Firehose call signed with Cognito-issued credentials is answered `AccessDeniedException` (HTTP 400, "…
   * with an explicit deny in an identity-based policy"), as AWS answers an explicit deny. Cognito keeps answering, and
   * static (operator) credentials keep working, so a replay can run while guests are held back. Idempotent.
   */
  pause(): void;
  /** Lifts {@link Emulator.pause}: guest calls are accepted again. Idempotent. */
  resume(): void;
  /** Starts writing every buffer whose interval hint has passed (the Node server calls this every second). */
  tick(): void;
  /** Writes every buffered record to the sink now and waits until all writes are done. */
  flush(): Promise<void>;
  /**
   * Back to the state at creation: no records, identities, credentials, counters or buffers; initial faults and quotas.
   * Buffered records are dropped, not written: call {@link Emulator.flush} first to keep them.
   */
  reset(): void;
  /** Emulator time (its clock plus `serverClockOffsetMs`), in milliseconds since the epoch. */
  now(): number;
}
