// What the live dashboard shows, computed from the emulator: the local analogue of the QuickSight dashboard (entries,
// unique entrants) and of the CloudWatch alarms (throttling, per-stream load against quota).
import type { Emulator } from '@campaign-entry/emulator';
import { entrantKeyForEntry } from '@campaign-entry/firehose-transform/entrant-key';
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
  readonly totals: {
    /** Records Firehose acknowledged (duplicates included: delivery is at-least-once). */
    readonly acknowledged: number;
    /** Distinct entryIds. */
    readonly unique: number;
    /** Distinct entrants by the canonical entrant key (the one the transform writes and the draw uses). */
    readonly entrants: number;
    readonly duplicates: number;
    readonly suspect: number;
    readonly marketingOptIn: number;
    /** Records that are not entries (not JSON, other schema): what the transform would reject. */
    readonly malformed: number;
  };
  /** Acknowledged records per minute (arrival time), the last 30 minutes, oldest first. */
  readonly perMinute: readonly { readonly minute: number; readonly entries: number }[];
  readonly streams: readonly StreamLoad[];
  readonly cognito: {
    readonly getId: number;
    readonly getCredentials: number;
    readonly throttled: number;
    readonly identities: number;
    readonly getIdQuota: number | null;
  };
  readonly latest: readonly LatestEntry[];
  /** The Firehose transformation Lambda: records checked, and refused (written under errors/processing-failed/). */
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

/** Keeps running totals over the emulator's records, parsing each record once. */
export function createDashboard(emulator: Emulator) {
  let seen = 0;
  const ids = new Set<string>();
  const entrants = new Set<string>();
  const minutes = new Map<number, number>();
  const latest: LatestEntry[] = [];
  let totals = { acknowledged: 0, unique: 0, entrants: 0, duplicates: 0, suspect: 0, marketingOptIn: 0, malformed: 0 };

  function absorb(): void {
    const records = emulator.records();
    if (records.length < seen) {
      // The emulator was reset.
      seen = 0;
      ids.clear();
      entrants.clear();
      minutes.clear();
      latest.length = 0;
      totals = { acknowledged: 0, unique: 0, entrants: 0, duplicates: 0, suspect: 0, marketingOptIn: 0, malformed: 0 };
    }
    for (const record of records.slice(seen)) {
      totals.acknowledged++;
      const minute = Math.floor(record.arrivedAt / 60_000) * 60_000;
      minutes.set(minute, (minutes.get(minute) ?? 0) + 1);
      let entry: ParsedEntry;
      try {
        entry = JSON.parse(record.data) as ParsedEntry;
      } catch {
        totals.malformed++;
        continue;
      }
      const entryId = text(entry.entryId);
      if (!entryId) {
        totals.malformed++;
        continue;
      }
      if (ids.has(entryId)) {
        totals.duplicates++;
        continue;
      }
      ids.add(entryId);
      // The transform's key when it ran; otherwise the same function on the raw e-mail.
      const key = text(entry.checks?.entrantKey) || entrantKeyForEntry(entryId, text(entry.fields?.email));
      entrants.add(key);
      if (entry.meta?.suspect === true) totals.suspect++;
      if (entry.consent?.marketing === true) totals.marketingOptIn++;
      latest.unshift({
        entryId,
        arrivedAt: record.arrivedAt,
        name: maskName(text(entry.fields?.name)),
        email: maskEmail(text(entry.fields?.email)),
        postalCode: maskPostalCode(text(entry.fields?.['postal-code'])),
        suspect: entry.meta?.suspect === true,
      });
      latest.length = Math.min(latest.length, 12);
    }
    seen = records.length;
    totals.unique = ids.size;
    totals.entrants = entrants.size;
  }

  return function data(): DashboardData {
    absorb();
    const stats = emulator.stats();
    const now = stats.now;
    const lastSecond = Math.floor(now / 1000) - 1;
    const currentMinute = Math.floor(now / 60_000) * 60_000;
    const perMinute = Array.from({ length: 30 }, (_, index) => {
      const minute = currentMinute - (29 - index) * 60_000;
      return { minute, entries: minutes.get(minute) ?? 0 };
    });
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
      totals: { ...totals },
      perMinute,
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
