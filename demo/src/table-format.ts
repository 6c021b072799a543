// Printing query results for people (aligned table) and machines (CSV).
import type { QueryResult } from './entries-db.js';

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** An aligned plain-text table, numbers right-aligned; long cells are cut at 60 characters. */
export function formatTable({ columns, rows }: QueryResult): string {
  if (rows.length === 0) return `(no rows) ${columns.join(', ')}`;
  const cells = rows.map((row) => columns.map((column) => text(row[column])));
  const clip = (value: string) => (value.length > 60 ? `${value.slice(0, 59)}…` : value);
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...cells.map((row) => clip(row[index] ?? '').length)),
  );
  const numeric = columns.map((column) =>
    rows.every((row) => typeof row[column] === 'number' || /^-?\d+(\.\d+)?$/u.test(text(row[column]))),
  );
  const line = (values: string[]) =>
    values
      .map((value, index) =>
        numeric[index] ? clip(value).padStart(widths[index] ?? 0) : clip(value).padEnd(widths[index] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [
    line([...columns]),
    widths.map((width) => '─'.repeat(width)).join('  '),
    ...cells.map(line),
    `(${rows.length} row${rows.length === 1 ? '' : 's'})`,
  ].join('\n');
}

/** RFC 4180 CSV. Cells that a spreadsheet would run as formulas are prefixed with `'`. */
export function formatCsv({ columns, rows }: QueryResult): string {
  const quote = (value: string) => {
    const safe = /^[=+\-@\t\r]/u.test(value) && !/^-?\d+(\.\d+)?$/u.test(value) ? `'${value}` : value;
    return /[",\n\r]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return [
    columns.map(quote).join(','),
    ...rows.map((row) => columns.map((column) => quote(text(row[column]))).join(',')),
  ].join('\n');
}
