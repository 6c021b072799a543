// `pnpm query ["<SQL>"]`: SQL (DuckDB) over the delivered entries, with the views `entries` and `entries_unique`.
// With no SQL it prints a summary. `--json` / `--csv` for machines, `--named <query>` runs an infra-notes query.
import { parseArgs } from 'node:util';
import { NoEntriesYet, namedQueries, openEntriesDb, type QueryResult } from './entries-db.js';
import { DEMO_CAMPAIGN, DEMO_PATHS } from './server.js';
import { formatCsv, formatTable } from './table-format.js';

const USAGE = `Usage: pnpm query ["<SQL>"] [--json | --csv] [--named <query> [--param <value>]...] [--data <dir>] [--bucket <name>] [--list]

  Views: entries (every delivered record, duplicates included), entries_unique (one row per entryId),
         entrants (one row per canonical entrant: its key and its counting entry, the earliest to arrive),
         errors (records the Firehose transform refused, under errors/processing-failed/).
  Examples:
    pnpm query
    pnpm query "select fields['email'] as email, submittedAt from entries_unique order by submittedAt desc limit 10"
    pnpm query "select * from entrants where entry_count > 1"
    pnpm query --named likely-duplicates
    pnpm query --named winner-draw --param 2027-02-14T02:00:00Z --param 15 --param <published-seed-hex>`;

/** The summary: totals, then entries per minute. */
async function summary(run: (sql: string) => Promise<QueryResult>): Promise<QueryResult[]> {
  return [
    await run(`SELECT
  (SELECT count(*) FROM entries) AS records,
  (SELECT count(*) FROM entries_unique) AS unique_entries,
  (SELECT count(DISTINCT entrant_key) FROM entries_unique) AS unique_entrants,
  (SELECT count(*) FROM entries) - (SELECT count(*) FROM entries_unique) AS duplicates,
  (SELECT count(*) FROM entries_unique WHERE meta.suspect) AS suspected_bots,
  (SELECT count(*) FROM errors) AS refused_by_transform`),
    await run(`SELECT substr(submittedAt, 1, 16) AS minute_utc, count(*) AS entries
FROM entries_unique GROUP BY 1 ORDER BY 1 DESC LIMIT 15`),
  ];
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
  const format = (result: QueryResult) =>
    values.json ? JSON.stringify(result.rows, null, 2) : values.csv ? formatCsv(result) : formatTable(result);
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
          `${formatTable(totals as QueryResult)}\n\nEntries per minute (UTC, latest first)\n${formatTable(perMinute as QueryResult)}`,
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
