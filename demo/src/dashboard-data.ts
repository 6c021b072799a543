// What the live dashboard shows, computed from the emulator: the numbers marketing reads (counted as `pnpm query`
// counts them in the delivered files) and, in their own section, the pipeline's health (the local analogue of the
// launch-night CloudWatch alarms: throttling, per-stream load against quota, records the transform refuses).
import type { Emulator } from '@campaign-entry/emulator';
import { checkRecord, type TransformConfig } from '@campaign-entry/firehose-transform';
import { createMarketingTally, type MarketingFigures, type TalliedEntry } from './marketing-tally.js';
import { maskEmail, maskName, maskPostalCode } from './mask.js';

/** One delivered entry as the dashboard lists it, personal data masked. */
export interface LatestEntry {
  readonly entryId: string;
  readonly arrivedAt: number;
  readonly name: string;
  readonly email: string;
  readonly postalCode: string;
  readonly suspect: boolean;
}

/** One stream's load. */
export interface StreamLoad {
  readonly name: string;
  /** The stream's requests/s quota (`null` when lifted). */
  readonly quotaRequestsPerSecond: number | null;
  /** Calls in the last complete second. */
  readonly requestsLastSecond: number;
  /** Busiest second in the last five minutes. */
  readonly peakRequestsPerSecond: number;
  readonly requests: number;
  readonly records: number;
  readonly throttled: number;
  readonly failedRecords: number;
  readonly serverErrors: number;
  readonly bufferedRecords: number;
  readonly objects: number;
}

/** Everything `/api/dashboard` answers. */
export interface DashboardData {
  readonly now: number;
  /** What marketing reads: entries the transform accepts, as `pnpm query` counts them once they are on disk. */
  readonly marketing: MarketingFigures & {
    /** Unique entries per minute of arrival, the last 30 minutes, oldest first. */
    readonly perMinute: readonly { readonly minute: number; readonly entries: number }[];
  };
  readonly totals: {
    /** Records Firehose acknowledged (duplicates and refused records included: delivery is at-least-once). */
    readonly acknowledged: number;
    /** Distinct entryIds among the entries the transform accepts. */
    readonly unique: number;
    /** Distinct entrants by the canonical entrant key (the one the transform writes and the draw uses). */
    readonly entrants: number;
    /** Further copies of an entryId already counted. */
    readonly duplicates: number;
    readonly suspect: number;
    /** Entrants whose counting entry opted in to marketing. */
    readonly marketingOptIn: number;
    /** Records that are not entries (not JSON, not the record's shape); refused too when the transform runs. */
    readonly malformed: number;
    /** Records the transform's checks refuse (they go to errors/processing-failed/, not entries/). */
    readonly refused: number;
    /** refused / acknowledged, from the same count (0 before the first record). */
    readonly refusedShare: number;
  };
  readonly streams: readonly StreamLoad[];
  readonly cognito: {
    readonly getId: number;
    readonly getCredentials: number;
    readonly throttled: number;
    readonly identities: number;
    readonly getIdQuota: number | null;
  };
  readonly latest: readonly LatestEntry[];
  /** The Firehose transformation Lambda's own counters: only records of buffers already written. */
  readonly transform: {
    readonly enabled: boolean;
    readonly processed: number;
    readonly refused: number;
    /** refused / processed, 0 when nothing was processed yet. */
    readonly refusedShare: number;
  };
}

interface ParsedEntry {
  entryId?: unknown;
  fields?: Record<string, unknown>;
  submittedAt?: unknown;
  consent?: { marketing?: unknown };
  meta?: { suspect?: unknown };
  checks?: { entrantKey?: unknown };
}

function transformTotals(transform: {
  enabled: boolean;
  streams: Record<string, { processedRecords: number; processingFailedRecords: number }>;
}): DashboardData['transform'] {
  const streams = Object.values(transform.streams);
  const processed = streams.reduce((sum, stream) => sum + stream.processedRecords, 0);
  const refused = streams.reduce((sum, stream) => sum + stream.processingFailedRecords, 0);
  return { enabled: transform.enabled, processed, refused, refusedShare: processed === 0 ? 0 : refused / processed };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

type Reading =
  | { readonly kind: 'entry'; readonly entry: TalliedEntry; readonly parsed: ParsedEntry }
  | {
      readonly kind: 'skipped';
      /** Not an entry at all (not JSON, not the record's shape). */
      readonly malformed: boolean;
      /** The transform refuses it. */
      readonly refused: boolean;
    };

/**
 * One acknowledged record as it lands in entries/: through the transform's own `checkRecord` when the demo runs the
 * transform (same bytes, same arrival time, same verdict and entrant key), else as read raw by entries_unique.
 */
function read(data: string, arrivedAt: number, check: TransformConfig | undefined): Reading {
  let parsed: ParsedEntry;
  if (check) {
    const outcome = checkRecord(new TextEncoder().encode(data), arrivedAt, check);
    if (!outcome.ok) return { kind: 'skipped', malformed: outcome.reason === 'bad-shape', refused: true };
    parsed = outcome.record as ParsedEntry;
  } else {
    try {
      parsed = JSON.parse(data) as ParsedEntry;
    } catch {
      return { kind: 'skipped', malformed: true, refused: false };
    }
  }
  const entryId = text(parsed.entryId);
  if (!entryId) return { kind: 'skipped', malformed: true, refused: false };
  return {
    kind: 'entry',
    parsed,
    entry: {
      entryId,
      arrivedAt,
      submittedAt: text(parsed.submittedAt),
      entrantKey: text(parsed.checks?.entrantKey) || `entry:${entryId}`,
      marketing: parsed.consent?.marketing === true,
      postalCode: text(parsed.fields?.['postal-code']),
    },
  };
}

const emptyTotals = () => ({ acknowledged: 0, duplicates: 0, suspect: 0, malformed: 0, refused: 0 });

/**
 * Keeps running totals over the emulator's records, reading each record once.
 * @param check the transform's configuration when the demo runs it (records it refuses never count)
 */
export function createDashboard(emulator: Emulator, check?: TransformConfig) {
  let seen = 0;
  let tally = createMarketingTally();
  const latest: LatestEntry[] = [];
  let totals = emptyTotals();

  function absorb(): void {
    const records = emulator.records();
    if (records.length < seen) {
      // The emulator was reset.
      seen = 0;
      tally = createMarketingTally();
      latest.length = 0;
      totals = emptyTotals();
    }
    for (const record of records.slice(seen)) {
      totals.acknowledged++;
      const reading = read(record.data, record.arrivedAt, check);
      if (reading.kind === 'skipped') {
        totals.malformed += Number(reading.malformed);
        totals.refused += Number(reading.refused);
        continue;
      }
      if (!tally.add(reading.entry)) {
        totals.duplicates++;
        continue;
      }
      const { parsed } = reading;
      if (parsed.meta?.suspect === true) totals.suspect++;
      latest.unshift({
        entryId: reading.entry.entryId,
        arrivedAt: record.arrivedAt,
        name: maskName(text(parsed.fields?.name)),
        email: maskEmail(text(parsed.fields?.email)),
        postalCode: maskPostalCode(text(parsed.fields?.['postal-code'])),
        suspect: parsed.meta?.suspect === true,
      });
      latest.length = Math.min(latest.length, 12);
    }
    seen = records.length;
  }

  return function data(): DashboardData {
    absorb();
    const stats = emulator.stats();
    const now = stats.now;
    const lastSecond = Math.floor(now / 1000) - 1;
    const figures = tally.figures();
    const streams = Object.entries(stats.firehose).map(([name, counters]): StreamLoad => {
      const seconds = stats.history.map((second) => ({
        second: second.second,
        requests: second.streams[name]?.requests ?? 0,
      }));
      return {
        name,
        quotaRequestsPerSecond: Number.isFinite(stats.quotas.requestsPerSecond) ? stats.quotas.requestsPerSecond : null,
        requestsLastSecond: seconds.find((second) => second.second === lastSecond)?.requests ?? 0,
        peakRequestsPerSecond: seconds.reduce((peak, second) => Math.max(peak, second.requests), 0),
        requests: counters.requests,
        records: counters.records,
        throttled: counters.throttled,
        failedRecords: counters.failedRecords,
        serverErrors: counters.serverErrors,
        bufferedRecords: counters.bufferedRecords,
        objects: counters.objects,
      };
    });
    return {
      now,
      marketing: { ...figures, perMinute: tally.perMinute(now, 30) },
      totals: {
        ...totals,
        unique: figures.entries,
        entrants: figures.entrants,
        marketingOptIn: figures.optIns,
        refusedShare: totals.acknowledged === 0 ? 0 : totals.refused / totals.acknowledged,
      },
      streams,
      cognito: {
        getId: stats.cognito.getId,
        getCredentials: stats.cognito.getCredentials,
        throttled: stats.cognito.throttled,
        identities: stats.cognito.identities,
        getIdQuota: Number.isFinite(stats.quotas.getIdPerSecond) ? stats.quotas.getIdPerSecond : null,
      },
      latest: [...latest],
      transform: transformTotals(stats.transform),
    };
  };
}
