// The Athena (Trino) queries are the source; DuckDB runs the same logic after these rewrites, each one a place where
// the dialects differ. The queries were written to need as few as possible (substr on the ISO timestamp instead of
// date functions, split_part/strpos instead of regexp_replace, whose "replace all" differs), so the list is short.

/** One documented difference between Athena (Trino) and DuckDB SQL, and how the translation bridges it (Markdown). */
export interface DialectDifference {
  readonly athena: string;
  readonly duckdb: string;
  readonly why: string;
}

/** Every difference `athenaToDuckDb` handles, for the README and for anyone porting a new query. */
export const dialectDifferences: readonly DialectDifference[] = [
  {
    athena: "`element_at(fields, 'email')`",
    duckdb: "`fields['email']`",
    why: "fields is a map; Trino's map['k'] fails on a missing key, element_at gives NULL. DuckDB's element_at returns a list, its map['k'] gives the value or NULL.",
  },
  {
    athena: '`to_hex(sha256(to_utf8(x)))`',
    duckdb: '`sha256(x)`',
    why: 'Trino hashes varbinary and returns varbinary (to_hex is upper-case hex); DuckDB hashes a string and returns lower-case hex. Both queries wrap it in lower().',
  },
  {
    athena: '`entries`: the Glue table (OpenX JSON SerDe; partition column `dt` from the S3 key by projection)',
    duckdb: "`entries`: a view over `read_json(…, format = 'newline_delimited')`, `dt` cut from the file name",
    why: 'Same columns and types, malformed lines read as NULLs in both; see `duckdbEntriesViewSql()`.',
  },
  {
    athena: '`from_iso8601_timestamp(x)`',
    duckdb: '`CAST(x AS TIMESTAMPTZ)`, as a macro of the same name (`DUCKDB_MACROS`)',
    why: 'The draw compares the server arrival time with closes-at + grace as instants, not as text.',
  },
  {
    athena: '`CREATE OR REPLACE VIEW entries_unique …`, stored in the Glue catalog once',
    duckdb: 'the same statement, run on every new connection (`duckdbSetupSql()`)',
    why: 'Identical text after the rewrites above.',
  },
];

/** Athena functions DuckDB lacks, defined under the same name on every new connection (`duckdbSetupSql()`). */
export const DUCKDB_MACROS: readonly string[] = [
  'CREATE OR REPLACE MACRO from_iso8601_timestamp(text) AS CAST(text AS TIMESTAMPTZ)',
];

/**
 * Rewrites an Athena (Trino) query of this folder into DuckDB SQL.
 * @example athenaToDuckDb("SELECT element_at(fields, 'email') FROM entries") // "SELECT fields['email'] FROM entries"
 */
export function athenaToDuckDb(sql: string): string {
  return rewriteHashes(sql).replace(/element_at\(\s*([A-Za-z_][\w.]*)\s*,\s*('[^']*')\s*\)/g, '$1[$2]');
}

/** `to_hex(sha256(to_utf8(<expr>)))` → `sha256(<expr>)`, with <expr> found by matching parentheses. */
function rewriteHashes(sql: string): string {
  const opening = 'to_hex(sha256(to_utf8(';
  let out = '';
  let rest = sql;
  for (let at = rest.indexOf(opening); at >= 0; at = rest.indexOf(opening)) {
    const start = at + opening.length;
    let depth = 1;
    let end = start;
    for (; end < rest.length && depth > 0; end++) {
      if (rest[end] === '(') depth++;
      else if (rest[end] === ')') depth--;
    }
    const closing = rest.slice(end, end + 2);
    if (depth !== 0 || closing !== '))') throw new Error(`Unbalanced ${opening}…))) at offset ${at}`);
    out += `${rest.slice(0, at)}sha256(${rest.slice(start, end - 1)})`;
    rest = rest.slice(end + 2);
  }
  return out + rest;
}
