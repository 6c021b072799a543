// The date of birth is asked as three numeric boxes (the GOV.UK "memorable date" pattern): a numeric keypad, autofill
// through `bday-day`/`bday-month`/`bday-year`, and no date picker to scroll back decades with one thumb.

/** One box of the date of birth. */
export type DatePart = 'day' | 'month' | 'year';

/** The boxes in the order a locale writes dates. */
export function datePartOrder(order: 'mdy' | 'dmy'): readonly DatePart[] {
  return order === 'dmy' ? ['day', 'month', 'year'] : ['month', 'day', 'year'];
}

/** The form control name of a date box. */
export function datePartName(part: DatePart): `bday-${DatePart}` {
  return `bday-${part}`;
}

/**
 * Joins the boxes into the `YYYY-MM-DD` the SDK validates: `''` when all are empty (so the SDK says `required`), and
 * anything incomplete stays malformed (so the SDK says `invalid-format`). One-digit days and months are padded.
 */
export function toIsoDate(parts: Readonly<Record<DatePart, string>>): string {
  const [day, month, year] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (day === '' && month === '' && year === '') return '';
  const pad = (value: string) => (/^\d$/u.test(value) ? `0${value}` : value);
  return `${year}-${pad(month)}-${pad(day)}`;
}
