// Which parts of `pnpm bench` to measure (`--only burst,drain`), and how a partial run joins what bench/results.json
// already holds: the sections not measured keep their figures and the date they were measured.

/** The sections of bench/results.json that `--only` names. */
export const SECTIONS = ['sizes', 'page', 'drain', 'burst'] as const;

/** One of {@link SECTIONS}. */
export type Section = (typeof SECTIONS)[number];

/** Reads `--only a,b` (all sections when absent). Throws on an unknown name, listing the known ones. */
export function parseOnly(only: string | undefined): readonly Section[] {
  if (only === undefined) return SECTIONS;
  const names = only
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0)
    throw new Error(`--only takes a comma-separated list of ${SECTIONS.join(', ')}; got "${only}"`);
  return SECTIONS.filter((section) => names.includes(section));
}

/** What a results file holds besides its sections: when each section was measured (ISO dates). */
export interface Dated {
  readonly machine: { readonly date: string };
  readonly measuredAt?: Partial<Record<Section, string>>;
}

/**
 * The results to write: `fresh`'s values for the `measured` sections (dated `fresh.machine.date`), `previous`'s for
 * the others, with the date they carry (or, for a file written before sections were dated, its run's date).
 */
export function mergeResults<T extends Dated>(
  fresh: Omit<T, 'measuredAt'>,
  previous: T | undefined,
  measured: readonly Section[],
  keys: Record<Section, readonly (keyof T)[]>,
): T & { measuredAt: Record<Section, string> } {
  const merged: Record<string, unknown> = { ...(fresh as Record<string, unknown>) };
  const measuredAt = {} as Record<Section, string>;
  for (const section of SECTIONS) {
    if (measured.includes(section) || previous === undefined) {
      measuredAt[section] = fresh.machine.date;
      continue;
    }
    for (const key of keys[section]) merged[key as string] = previous[key];
    measuredAt[section] = previous.measuredAt?.[section] ?? previous.machine.date;
  }
  return { ...(merged as T), measuredAt };
}
