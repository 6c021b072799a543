// The campaign's SQL, one file per query in athena/*.sql (Athena/Trino dialect, also the template's named queries),
// with the DuckDB version derived from it, so the local `pnpm query` and Athena run the same logic.
import { readdirSync, readFileSync } from 'node:fs';
import { athenaToDuckDb, DUCKDB_MACROS } from './sql-dialects.js';

/** Where the `.sql` files live. */
export const athenaDirectory = new URL('../../athena/', import.meta.url);

/** One query of athena/*.sql. */
export interface CampaignQuery {
  /** Kebab-case name from the file's `-- name:` header; also the named query's suffix in the template. */
  readonly name: string;
  /** One paragraph from the `-- description:` header. */
  readonly description: string;
  /** Execution parameters (`?` placeholders, in order) from the `-- parameters:` header, e.g. `['seed']`. */
  readonly parameters: readonly string[];
  /** The file's text, as Athena runs it (headers included: they are SQL comments). */
  readonly athena: string;
  /** The same query for DuckDB, over the views `entries` and `entries_unique` (see duckdbSetupSql). */
  readonly duckdb: string;
  /** True for the statement that creates the entries_unique view (run once, before the others). */
  readonly createsView: boolean;
}

/** Reads one query file's headers and text. */
export function parseQueryFile(text: string): CampaignQuery {
  const header = (key: string) => text.match(new RegExp(`^-- ${key}: (.*)$`, 'm'))?.[1]?.trim();
  const name = header('name');
  const description = header('description');
  if (!name || !description) throw new Error('A query file needs "-- name:" and "-- description:" headers');
  const parameters =
    header('parameters')
      ?.split(',')
      .map((parameter) => parameter.trim()) ?? [];
  const code = text.replace(/^\s*--.*$/gm, '');
  const placeholders = code.split('?').length - 1;
  if (placeholders !== parameters.length) {
    throw new Error(`${name}: ${placeholders} "?" placeholders but ${parameters.length} declared parameters`);
  }
  return {
    name,
    description,
    parameters,
    athena: text,
    duckdb: athenaToDuckDb(text),
    createsView: /^\s*CREATE OR REPLACE VIEW/im.test(text),
  };
}

function loadQueries(): CampaignQuery[] {
  return readdirSync(athenaDirectory)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const query = parseQueryFile(readFileSync(new URL(file, athenaDirectory), 'utf8'));
      if (`${query.name}.sql` !== file) throw new Error(`${file}: its -- name: header says ${query.name}`);
      return query;
    });
}

/** Every query of athena/*.sql, in file-name order. */
export const campaignQueries: readonly CampaignQuery[] = loadQueries();

/**
 * The query with this name.
 * @throws when there is none
 */
export function findQuery(name: string): CampaignQuery {
  const query = campaignQueries.find((candidate) => candidate.name === name);
  if (!query) throw new Error(`No query named ${name}: ${campaignQueries.map((q) => q.name).join(', ')}`);
  return query;
}

/**
 * DuckDB's `entries` view over emulator or downloaded Firehose output: same columns and types as the Glue table,
 * `dt` (the UTC delivery hour, yyyy/MM/dd/HH) cut from the key like partition projection does, malformed lines
 * skipped like `ignore.malformed.json`.
 * @param glob files to read, e.g. `.data/s3/my-bucket/entries/**\/*.gz`
 */
export function duckdbEntriesViewSql(glob: string): string {
  const columns = [
    `"schema": 'INTEGER'`,
    `entryId: 'VARCHAR'`,
    `campaignId: 'VARCHAR'`,
    `submittedAt: 'VARCHAR'`,
    `fields: 'MAP(VARCHAR, VARCHAR)'`,
    `consent: 'STRUCT(rules BOOLEAN, marketing BOOLEAN)'`,
    `meta: 'STRUCT(locale VARCHAR, sdk VARCHAR, fillMs BIGINT, suspect BOOLEAN)'`,
    `arrivedAt: 'VARCHAR'`,
    `checks: 'STRUCT(valid BOOLEAN, review BOOLEAN, flags VARCHAR[], clockSkewMs BIGINT, entrantKey VARCHAR)'`,
  ];
  return `CREATE OR REPLACE VIEW entries AS
SELECT
  "schema", entryId, campaignId, submittedAt, fields, consent, meta, arrivedAt, checks,
  regexp_extract(replace(filename, '\\', '/'), '/entries/(\\d{4}/\\d{2}/\\d{2}/\\d{2})/', 1) AS dt
FROM read_json('${glob.replaceAll("'", "''")}', format = 'newline_delimited', filename = true, ignore_errors = true,
  columns = {${columns.join(', ')}})`;
}

/** The statements that prepare a DuckDB connection: Athena's functions DuckDB lacks, the `entries` view, then `entries_unique`. */
export function duckdbSetupSql(glob: string): string[] {
  const views = campaignQueries.filter((query) => query.createsView).map((query) => query.duckdb);
  return [...DUCKDB_MACROS, duckdbEntriesViewSql(glob), ...views];
}

/**
 * Where Firehose writes the records the transformation Lambda refused, under the stream's `ErrorOutputPrefix`
 * (`errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH}/`), GZIP like the entries; the emulator writes
 * the same layout. Each object holds one JSON line per refused record: `attemptsMade`, `arrivalTimestamp` and
 * `attemptEndingTimestamp` (ms since the epoch), `errorCode` (`Lambda.ProcessingFailedStatus` when the transform
 * answered `ProcessingFailed`; `Lambda.FunctionError`, `Lambda.InvokeLimitExceeded`, … when the invocation itself
 * failed), `errorMessage`, `rawData` (the record as sent, base64) and `lambdaArn`. Why a record was refused is in
 * the function's log, not here.
 */
export const PROCESSING_FAILED_KEY_LAYOUT =
  'errors/processing-failed/YYYY/MM/DD/HH/<stream>-1-YYYY-MM-DD-HH-MM-SS-<uuid>.gz';

/**
 * DuckDB's `errors` view over the refused records (see {@link PROCESSING_FAILED_KEY_LAYOUT}): one row per line, with
 * `rawData` decoded (`raw_text`, NULL when the bytes are not UTF-8) and, when it parses, the `entry_id` and
 * `campaign_id` it claims. `dt` and `stream` come from the key; malformed lines are skipped.
 * @param glob files to read, e.g. `.data/s3/my-bucket/errors/processing-failed/**\/*.gz`
 */
export function duckdbErrorsViewSql(glob: string): string {
  const columns = [
    `attemptsMade: 'BIGINT'`,
    `arrivalTimestamp: 'BIGINT'`,
    `errorCode: 'VARCHAR'`,
    `errorMessage: 'VARCHAR'`,
    `attemptEndingTimestamp: 'BIGINT'`,
    `rawData: 'VARCHAR'`,
    `lambdaArn: 'VARCHAR'`,
  ];
  return `CREATE OR REPLACE VIEW errors AS
WITH lines AS (
  SELECT *, replace(filename, '\\', '/') AS path, try(decode(from_base64(rawData))) AS raw_text
  FROM read_json('${glob.replaceAll("'", "''")}', format = 'newline_delimited', filename = true, ignore_errors = true,
    columns = {${columns.join(', ')}})
  WHERE rawData IS NOT NULL
)
SELECT
  regexp_extract(path, '/processing-failed/(\\d{4}/\\d{2}/\\d{2}/\\d{2})/', 1) AS dt,
  regexp_extract(path, '/([^/]+)-\\d+-\\d{4}(?:-\\d{2}){5}-[^/]+\\.gz$', 1) AS stream,
  epoch_ms(arrivalTimestamp) AS arrived_at,
  errorCode AS error_code,
  errorMessage AS error_message,
  attemptsMade AS attempts_made,
  epoch_ms(attemptEndingTimestamp) AS failed_at,
  raw_text,
  try(json_extract_string(raw_text, '$.entryId')) AS entry_id,
  try(json_extract_string(raw_text, '$.campaignId')) AS campaign_id,
  rawData AS raw_data,
  lambdaArn AS lambda_arn
FROM lines`;
}
