// @campaign-entry/sdk/fields — the fields a campaign may ask for and the parser of a `fields` list, for a page's first
// chunk (also in `@campaign-entry/sdk/rules`, which brings validation and records with it).

export type { FieldListResult, FieldName, FieldSpec } from './core/fields.js';
export { DEFAULT_FIELDS, FIELD_NAMES, isFieldName, parseFieldList } from './core/fields.js';
