// Which language the form speaks: the `locale` attribute, else the page's `lang`, else the browser's languages. A
// campaign offering several languages (`locales`) starts in the entrant's own (the browser's) and lets them switch.
import { enForm } from './en-form.js';
import type { CampaignEntryStrings } from './strings.js';

/** The languages the element ships copy for. */
export const LOCALES = ['en', 'es'] as const;

/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/**
 * The first supported language among `candidates` (BCP 47 tags such as `es-MX`, compared by primary subtag), in
 * order of preference, among `offered`; the first offered (`en`) when none is.
 * @example pickLocale([undefined, 'es-MX', 'en-US']) // 'es'
 */
export function pickLocale(
  candidates: Iterable<string | null | undefined>,
  offered: readonly Locale[] = LOCALES,
): Locale {
  for (const candidate of candidates) {
    const primary = candidate?.trim().toLowerCase().split(/[-_]/u)[0];
    const found = offered.find((locale) => locale === primary);
    if (found) return found;
  }
  return offered[0] ?? 'en';
}

// English starts with the copy the first render needs; completeEnglish() adds the rest as the chunks that use it load:
// the outcomes with the controller (controller-loader.ts), each problem's message with a refused submit (refusal.ts).
// The not-open and closed panels bring their own (window-panel.ts).
const loaded = new Map<Locale, CampaignEntryStrings>([['en', enForm as CampaignEntryStrings]]);

/** Adds English copy a lazily loaded chunk brought (the controller's outcomes, a refused submit's messages). */
export function completeEnglish(copy: Partial<CampaignEntryStrings>): void {
  loaded.set('en', { ...loaded.get('en'), ...copy } as CampaignEntryStrings);
}

/** The copy for `locale` if it is already loaded (English always is). */
export function loadedStrings(locale: Locale): CampaignEntryStrings | undefined {
  return loaded.get(locale);
}

/**
 * Loads the copy for `locale`. Spanish lives in its own small chunk so English-speaking phones never download it.
 * Falls back to English when the chunk cannot be loaded.
 */
export async function loadStrings(locale: Locale): Promise<CampaignEntryStrings> {
  const ready = loaded.get(locale);
  if (ready) return ready;
  try {
    const { es } = await import('./es.js');
    loaded.set('es', es);
    return es;
  } catch {
    return loaded.get('en') as CampaignEntryStrings;
  }
}
