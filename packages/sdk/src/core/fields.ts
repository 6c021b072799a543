/**
 * The fields a campaign may ask for, in the order the form shows them. Keys are also the record's `fields` keys.
 */
export const FIELD_NAMES = ['name', 'email', 'phone', 'postal-code', 'birth-date'] as const;

/** One of {@link FIELD_NAMES}. */
export type FieldName = (typeof FIELD_NAMES)[number];

/** The fields asked for when a campaign does not say. */
export const DEFAULT_FIELDS: readonly FieldName[] = ['name', 'email'];

/**
 * What a campaign asks of an entrant. Every listed field is required.
 * @example `{ fields: ['name', 'email', 'birth-date'], minAge: 18 }`
 */
export interface FieldSpec {
  /** Fields asked for, each required. @default ['name', 'email'] */
  readonly fields: readonly FieldName[];
  /** Minimum age in whole years, checked when `birth-date` is asked. @default 21 */
  readonly minAge?: number;
  /**
   * The country whose postal codes `postal-code` takes (ISO 3166 alpha-2, one of `POSTAL_CODE_COUNTRIES` in postal-codes.ts);
   * unset takes any common postal code shape. @example 'US' (ZIP: 12345 or 12345-6789)
   */
  readonly country?: string | undefined;
}

/** Whether `value` names a field we support. */
export function isFieldName(value: string): value is FieldName {
  return (FIELD_NAMES as readonly string[]).includes(value);
}

/** The result of {@link parseFieldList}. */
export type FieldListResult =
  | { readonly success: true; readonly fields: readonly FieldName[] }
  | { readonly success: false; readonly unknown: readonly string[]; readonly fields: readonly FieldName[] };

/**
 * Reads a comma list such as the element's `fields` attribute (`"name, email,birth-date"`). Duplicates are dropped and
 * the result is in {@link FIELD_NAMES} order; unknown names are reported, not silently ignored. Empty → defaults.
 */
export function parseFieldList(list: string | null | undefined): FieldListResult {
  const names = (list ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name.length > 0);
  const unknown = names.filter((name) => !isFieldName(name));
  const fields = FIELD_NAMES.filter((name) => names.includes(name));
  const result = fields.length > 0 ? fields : DEFAULT_FIELDS;
  return unknown.length > 0 ? { success: false, unknown, fields: result } : { success: true, fields: result };
}
