// `pnpm query ["<SQL>"]`: SQL (DuckDB) over the delivered entries, with the views `entries` and `entries_unique`.
// With no SQL it prints a summary. `--json` / `--csv` for machines, `--named <query>` runs an infra-notes query.
import { parseArgs } from 'node:util';
import { NoEntriesYet, namedQueries, openEntriesDb, type QueryResult } from './entries-db.js';
import { DEMO_CAMPAIGN, DEMO_PATHS } from './server.js';
import { formatCsv, formatTable } from './table-format.js';

const USAGE = `Usage: pnpm query ["<SQL>"] [--json | --csv | --wide] [--named <query> [--param <value>]...] [--data <dir>] [--bucket <name>] [--list]

  Views: entries (every delivered record, duplicates included), entries_unique (one row per entryId),
         entrants (one row per canonical entrant: its key and its counting entry, the earliest to arrive),
         errors (records the Firehose transform refused, under errors/processing-failed/).
         entries and entries_unique start with flat columns: entryId, name, email, phone, postal_code, birth_date,
         rules_accepted, marketing_opt_in, locale, suspect; then the record's JSON columns (fields, consent, meta, …).
  Tables are fitted to the terminal (long cells cut with …; a row per block when there are too many columns);
  --wide prints every cell in full.
  Examples:
    pnpm query
    pnpm query "select name, email, submittedAt from entries_unique order by submittedAt desc limit 10"
    pnpm query "select * from entrants where entry_count > 1"
    pnpm query --named likely-duplicates
    pnpm query --named winner-draw --param 2027-02-14T02:00:00Z --param 15 --param <published-seed-hex>`;

/**
 * The summary: the dashboard's marketing figures (entries, entrants by the canonical key, opt-in rate), the
 * pipeline's counts, then entries per minute of arrival (the server's clock, as on the dashboard).
 */
async function summary(run: (sql: string) => Promise<QueryResult>): Promise<QueryResult[]> {
  return [
    await run(`SELECT
  (SELECT count(*) FROM entries_unique) AS entries,
  (SELECT count(*) FROM entrants) AS unique_entrants,
  (SELECT round(100 * avg(CAST(marketing_opt_in AS INTEGER)), 1) FROM entrants) AS opt_in_percent,
  (SELECT count(*) FROM entries) AS records,
  (SELECT count(*) FROM entries) - (SELECT count(*) FROM entries_unique) AS duplicates,
  (SELECT count(*) FROM entries_unique WHERE suspect) AS suspected_bots,
  (SELECT count(*) FROM errors) AS refused_by_transform`),
    await run(`SELECT substr(arrivedAt, 1, 16) AS minute_utc, count(*) AS entries
FROM entries_unique GROUP BY 1 ORDER BY 1 DESC LIMIT 15`),
  ];
}

/** How to run one named query, its parameters spelled out. */
function namedUsage(query: { name: string; description: string; parameters: readonly string[] }): string {
  const params = query.parameters.map((parameter) => ` --param <${parameter}>`).join('');
  return `Usage: pnpm query --named ${query.name}${params}\n\n  ${query.description}`;
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.list) {
    for (const query of namedQueries())
      console.log(
        `${query.name}${query.parameters.length ? ` (${query.parameters.join(', ')})` : ''}\n    ${query.description}`,
      );
    return 0;
  }
  if (values.named) {
    // Checked before DuckDB sees it: its own words ("Expected 3 parameters") do not say which or in what order.
    const query = namedQueries().find((candidate) => candidate.name === values.named);
    if (!query) {
      console.error(`No named query "${values.named}". These exist (pnpm query --list):`);
      for (const candidate of namedQueries()) console.error(`  ${candidate.name}`);
      return 2;
    }
    const given = values.param?.length ?? 0;
    if (given !== query.parameters.length) {
      console.error(
        `${query.name} takes ${query.parameters.length} parameter${query.parameters.length === 1 ? '' : 's'}` +
          `${query.parameters.length ? ` (${query.parameters.join(', ')}, in this order)` : ''}; got ${given}.\n\n${namedUsage(query)}`,
      );
      return 2;
    }
  }
  // A terminal's own width; piped output gets 120 columns unless --wide.
  const width = values.wide ? Number.POSITIVE_INFINITY : process.stdout.isTTY ? process.stdout.columns : 120;
  const table = (result: QueryResult) => formatTable(result, { width });
  const format = (result: QueryResult) =>
    values.json ? JSON.stringify(result.rows, null, 2) : values.csv ? formatCsv(result) : table(result);
  let db: Awaited<ReturnType<typeof openEntriesDb>>;
  try {
    db = await openEntriesDb(values.data ?? DEMO_PATHS.data, values.bucket ?? DEMO_CAMPAIGN.bucket);
  } catch (error) {
    if (error instanceof NoEntriesYet) {
      console.error(
        `${error.message}\nStart the demo (pnpm demo), submit an entry, and give Firehose's buffer ~10 s (or stop the demo: it writes on exit).`,
      );
      return positionals.length > 0 || values.named ? 1 : 0;
    }
    throw error;
  }
  try {
    const sql = positionals.join(' ').trim();
    if (values.named) {
      console.log(format(await db.runNamed(values.named, values.param ?? [])));
    } else if (sql) {
      console.log(format(await db.run(sql)));
    } else {
      const [totals, perMinute] = await summary((text) => db.run(text));
      if (values.json) console.log(JSON.stringify({ totals: totals?.rows[0], perMinute: perMinute?.rows }, null, 2));
      else
        console.log(
          `${table(totals as QueryResult)}\n\nEntries per minute of arrival (UTC, latest first)\n${table(perMinute as QueryResult)}`,
        );
    }
    return 0;
  } catch (error) {
    // DuckDB's own message says what is wrong with the SQL; a stack trace would not help.
    console.error((error as Error).message);
    return 1;
  } finally {
    db.close();
  }
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      wide: { type: 'boolean' },
      named: { type: 'string' },
      param: { type: 'string', multiple: true },
      data: { type: 'string' },
      bucket: { type: 'string' },
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

process.exitCode = await main();
