// Printing query results for people (a table that fits the terminal, or one block per row when it cannot) and
// machines (CSV).
import type { QueryResult } from './entries-db.js';

/** DuckDB hands a MAP over as `[{ key, value }, …]`; people read it as an object. */
function isMapEntries(value: unknown): value is { key: unknown; value: unknown }[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => typeof item === 'object' && item !== null && 'key' in item && 'value' in item)
  );
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isMapEntries(value)) return JSON.stringify(Object.fromEntries(value.map((item) => [item.key, item.value])));
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const clip = (value: string, width: number) =>
  value.length > width ? `${value.slice(0, Math.max(0, width - 1))}…` : value;

/** Options of {@link formatTable}. */
export interface TableOptions {
  /** Characters per line to fit; `Infinity` never cuts a cell. @default 120 */
  readonly width?: number;
}

/** Narrowest a column gets before the table turns into one block per row. */
const MIN_COLUMN = 8;
/** Longest a cell gets, even with room to spare (JSON columns would push everything else off screen). */
const MAX_COLUMN = 60;

/**
 * An aligned plain-text table that fits `width`: numbers right-aligned, the widest columns cut first (with `…`).
 * When even {@link MIN_COLUMN}-wide columns cannot fit, every row becomes a block of `column  value` lines.
 */
export function formatTable({ columns, rows }: QueryResult, options: TableOptions = {}): string {
  if (rows.length === 0) return `(no rows) ${columns.join(', ')}`;
  const limit = options.width ?? 120;
  const cap = Number.isFinite(limit) ? MAX_COLUMN : Number.POSITIVE_INFINITY;
  const cells = rows.map((row) => columns.map((column) => text(row[column])));
  const footer = `(${rows.length} row${rows.length === 1 ? '' : 's'})`;
  const widths = columns.map((column, index) =>
    Math.min(cap, Math.max(column.length, ...cells.map((row) => (row[index] ?? '').length))),
  );
  const gaps = 2 * (columns.length - 1);
  const total = () => widths.reduce((sum, width) => sum + width, gaps);
  const floor = widths.reduce((sum, width) => sum + Math.min(width, MIN_COLUMN), gaps);
  if (floor > limit) return formatBlocks(columns, cells, limit, footer);
  while (total() > limit) {
    const widest = widths.indexOf(Math.max(...widths));
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  const numeric = columns.map((column) =>
    // Numbers, and DECIMALs (which DuckDB hands over as text); not digit strings such as ZIP codes.
    rows.every((row) => {
      const value = row[column];
      return value === null || typeof value === 'number' || (typeof value === 'string' && /^-?\d+\.\d+$/u.test(value));
    }),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, index) => {
        const width = widths[index] ?? 0;
        return numeric[index] ? clip(value, width).padStart(width) : clip(value, width).padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(columns), widths.map((width) => '─'.repeat(width)).join('  '), ...cells.map(line), footer].join('\n');
}

/** One block per row: `column  value` lines, values cut to the width left. */
function formatBlocks(columns: readonly string[], cells: readonly string[][], limit: number, footer: string): string {
  const labelWidth = Math.max(...columns.map((column) => column.length));
  const valueWidth = Math.max(MIN_COLUMN, limit - labelWidth - 2);
  const blocks = cells.map((row, rowIndex) =>
    [
      `── row ${rowIndex + 1} ${'─'.repeat(Math.max(0, Math.min(limit, 40) - 8 - String(rowIndex + 1).length))}`,
      ...columns.map((column, index) =>
        `${column.padEnd(labelWidth)}  ${clip(row[index] ?? '', valueWidth)}`.trimEnd(),
      ),
    ].join('\n'),
  );
  return [...blocks, footer].join('\n');
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
