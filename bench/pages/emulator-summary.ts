// What the emulator saw of a drain, read the same way wherever it runs: in the bench's Node process (its own host) or
// in the page behind msw. Platform-neutral, so the page's bundle and the Node side import this one module.
import type { Emulator } from '@campaign-entry/emulator';

/** What the emulator saw of a run. */
export interface EmulatorSummary {
  /** Distinct entryIds the emulator acknowledged (must equal `entries`). */
  readonly acknowledgedUnique: number;
  readonly putRecordBatchCalls: number;
  readonly failedRecords: number;
}

/** Distinct entryIds among the acknowledged records, and the PutRecordBatch calls and failed records of every stream. */
export function summarize(emulator: Pick<Emulator, 'records' | 'stats'>): EmulatorSummary {
  const ids = new Set(emulator.records().map((record) => (JSON.parse(record.data) as { entryId: string }).entryId));
  const streams = Object.values(emulator.stats().firehose);
  return {
    acknowledgedUnique: ids.size,
    putRecordBatchCalls: streams.reduce((sum, stream) => sum + stream.requests, 0),
    failedRecords: streams.reduce((sum, stream) => sum + stream.failedRecords, 0),
  };
}
