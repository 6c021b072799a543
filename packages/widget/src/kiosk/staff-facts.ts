// What the staff view shows and when it warns, with no DOM: the rule is tested in Node, the view in browsers.

/** What staff are shown. */
export interface StaffFacts {
  readonly pending: number;
  readonly maxStoredEntries: number;
  readonly lastDeliveryAt: number | undefined;
  readonly usedBytes: number | undefined;
  readonly quotaBytes: number | undefined;
}

/** Share of the stored-entry bound or of the storage quota from which staff are warned. */
export const STORAGE_WARNING_SHARE = 0.8;

/** Whether the tablet is close enough to full that staff must act (get it online, or swap it). */
export function nearlyFull(facts: StaffFacts): boolean {
  const quota = facts.quotaBytes && facts.usedBytes !== undefined ? facts.usedBytes / facts.quotaBytes : 0;
  return facts.pending >= facts.maxStoredEntries * STORAGE_WARNING_SHARE || quota >= STORAGE_WARNING_SHARE;
}
