// Postal code shapes by country: the one place for the rule the widget, the client and the transform apply alike when a
// campaign names its country (FieldSpec.country). Apart from fields.ts, which a page's first chunk carries.

/** Postal code shapes by country, for `FieldSpec.country`; one place for the rule every side applies. */
export const POSTAL_CODE_PATTERNS: ReadonlyMap<string, RegExp> = new Map([
  // ZIP or ZIP+4.
  ['US', /^\d{5}(?:-\d{4})?$/u],
]);

/** The countries {@link POSTAL_CODE_PATTERNS} knows. */
export const POSTAL_CODE_COUNTRIES: readonly string[] = [...POSTAL_CODE_PATTERNS.keys()];

/** Why `country` cannot be a `FieldSpec.country`, in English, or `undefined` when it can (or is unset). */
export function countryProblem(country: string | undefined): string | undefined {
  return country === undefined || POSTAL_CODE_PATTERNS.has(country)
    ? undefined
    : `country "${country.slice(0, 20)}" is not supported (use ${POSTAL_CODE_COUNTRIES.join(', ')})`;
}
