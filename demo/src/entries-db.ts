// DuckDB over the delivered files, with the same views (and the same SQL, translated) as Athena over S3.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { campaignQueries, duckdbErrorsViewSql, duckdbSetupSql, findQuery } from '@campaign-entry/infra-notes/queries';
import { type DuckDBConnection, DuckDBInstance, type DuckDBResultReader, DuckDBTypeId } from '@duckdb/node-api';

/** A JSON-safe result: column names and rows. */
export interface QueryResult {
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, unknown>[];
}

/** An open database over one bucket's `entries/` files. */
export interface EntriesDb {
  /** Runs SQL (one or more statements); returns the last statement's rows. */
  run(sql: string, parameters?: readonly string[]): Promise<QueryResult>;
  /** Runs one of infra-notes/athena/*.sql by name, in its DuckDB form. */
  runNamed(name: string, parameters?: readonly string[]): Promise<QueryResult>;
  close(): void;
}

/** Why there is nothing to query yet. */
export class NoEntriesYet extends Error {
  override readonly name = 'NoEntriesYet' as const;
}

function hasGzipFiles(dir: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { withFileTypes: true }).some((entry) =>
    entry.isDirectory() ? hasGzipFiles(join(dir, entry.name)) : entry.name.endsWith('.gz'),
  );
}

/** `<dataDir>/s3/<bucket>/errors/processing-failed/`: records the transform refused, as Firehose writes them. */
export function errorsDirectory(dataDir: string, bucket: string): string {
  return join(dataDir, 's3', bucket, 'errors', 'processing-failed');
}

// The errors view's columns, for an empty view while nothing has been refused yet.
const EMPTY_ERRORS = `CREATE OR REPLACE VIEW errors AS SELECT NULL::VARCHAR AS dt, NULL::VARCHAR AS stream,
  NULL::TIMESTAMP AS arrived_at, NULL::VARCHAR AS error_code, NULL::VARCHAR AS error_message,
  NULL::BIGINT AS attempts_made, NULL::TIMESTAMP AS failed_at, NULL::VARCHAR AS raw_text, NULL::VARCHAR AS entry_id,
  NULL::VARCHAR AS campaign_id, NULL::VARCHAR AS raw_data, NULL::VARCHAR AS lambda_arn WHERE false`;

// Flat columns for people (`select name, email from entries_unique`), beside the JSON ones the Athena SQL reads.
const FLAT_COLUMNS = `entryId,
  fields['name'] AS name, fields['email'] AS email, fields['phone'] AS phone,
  fields['postal-code'] AS postal_code, fields['birth-date'] AS birth_date,
  consent.rules AS rules_accepted, consent.marketing AS marketing_opt_in,
  meta.locale AS locale, meta.suspect AS suspect`;

/**
 * The Athena views keep their columns (the named queries read them); each is renamed `<view>_json` and wrapped in a
 * view of the same name with the flat columns first. Views resolve names when queried, so `entries_unique` (built on
 * `entries`) and `entrants` (on `entries_unique`) keep working.
 */
const FLATTEN_SQL = ['entries', 'entries_unique'].flatMap((view) => [
  `ALTER VIEW ${view} RENAME TO ${view}_json`,
  `CREATE VIEW ${view} AS SELECT ${FLAT_COLUMNS}, * EXCLUDE (entryId) FROM ${view}_json`,
]);

/** `<dataDir>/s3/<bucket>/entries/`: where Firehose (and the emulator) write. */
export function entriesDirectory(dataDir: string, bucket: string): string {
  return join(dataDir, 's3', bucket, 'entries');
}

const WIDE_INTEGERS = new Set<number>([
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
]);

/** Rows as JSON values; 64/128-bit integers (counts) become numbers while they fit exactly. */
function toResult(reader: DuckDBResultReader): QueryResult {
  const columns = reader.columnNames();
  const wide = reader.columnTypes().map((type) => WIDE_INTEGERS.has(type.typeId));
  const rows = reader.getRowObjectsJson().map((row) => {
    const out: Record<string, unknown> = { ...row };
    columns.forEach((column, index) => {
      const value = row[column];
      if (wide[index] && typeof value === 'string' && Number.isSafeInteger(Number(value))) out[column] = Number(value);
    });
    return out;
  });
  return { columns, rows };
}

async function read(
  connection: DuckDBConnection,
  sql: string,
  parameters: readonly string[] = [],
): Promise<QueryResult> {
  return toResult(
    parameters.length > 0 ? await connection.runAndReadAll(sql, [...parameters]) : await connection.runAndReadAll(sql),
  );
}

/**
 * Opens an in-memory DuckDB with the views `entries` (every delivered record), `entries_unique` (one row per
 * entryId), as infra-notes defines them for Athena plus flat columns (`name`, `email`, `postal_code`,
 * `marketing_opt_in`, …) in front, `entrants` (one row per canonical entrant) and `errors` (records the transform
 * refused).
 * @throws {NoEntriesYet} when no file has been delivered yet
 */
export async function openEntriesDb(dataDir: string, bucket: string): Promise<EntriesDb> {
  const directory = entriesDirectory(dataDir, bucket);
  if (!hasGzipFiles(directory)) {
    throw new NoEntriesYet(`No delivered entries under ${directory} yet.`);
  }
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const statement of [...duckdbSetupSql(join(directory, '**', '*.gz')), ...FLATTEN_SQL]) {
    await connection.run(statement);
  }
  // `entrants`: one row per canonical entrant and its counting entry, as the named query defines it for Athena.
  await connection.run(`CREATE OR REPLACE VIEW entrants AS ${findQuery('entrants').duckdb}`);
  const errors = errorsDirectory(dataDir, bucket);
  await connection.run(hasGzipFiles(errors) ? duckdbErrorsViewSql(join(errors, '**', '*.gz')) : EMPTY_ERRORS);
  return {
    async run(sql, parameters = []) {
      // Several statements: all but the last run for their effects; the last one's rows are the answer.
      const statements = await connection.extractStatements(sql);
      if (statements.count === 0) return { columns: [], rows: [] };
      for (let index = 0; index < statements.count - 1; index++) await (await statements.prepare(index)).run();
      const last = await statements.prepare(statements.count - 1);
      if (parameters.length > 0) last.bind([...parameters]);
      return toResult(await last.runAndReadAll());
    },
    runNamed(name, parameters) {
      return read(connection, findQuery(name).duckdb, parameters);
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** The named queries a user can run with `pnpm query --named <name>`. */
export function namedQueries(): readonly { name: string; description: string; parameters: readonly string[] }[] {
  return campaignQueries.filter((query) => !query.createsView);
}
