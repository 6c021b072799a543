// The age rule, apart from the field list: a page's first chunk reads the fields, only validation needs the age.
import type { FieldSpec } from './fields.js';

/** The minimum age when `birth-date` is asked and no `minAge` is given (the reference campaign sells beer). */
export const DEFAULT_MIN_AGE = 21;

/** The minimum age that applies to `spec`, or `undefined` when no birth date is asked. */
export function minAgeFor(spec: FieldSpec): number | undefined {
  return spec.fields.includes('birth-date') ? (spec.minAge ?? DEFAULT_MIN_AGE) : undefined;
}
