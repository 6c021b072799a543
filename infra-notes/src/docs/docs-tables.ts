// Markdown tables for CAPACITY.md and COST.md, rendered from the models so the numbers in the notes are the numbers
// the code computes. Each table sits between `<!-- BEGIN GENERATED: name -->` and `<!-- END GENERATED: name -->`.
import { planWafRateLimit } from '../models/abuse-thresholds.js';
import { credentialBacklog, DEFAULT_QUOTAS, planCapacity, planTransform } from '../models/capacity-plan.js';
import { COST_LINES, estimateCost, PRICE_DATE, PRICES } from '../models/cost-model.js';
import { campaignQueries } from '../sql/queries.js';
import { dialectDifferences } from '../sql/sql-dialects.js';

/** Peak entrants per second the capacity table covers. */
export const CAPACITY_RATES = [10, 25, 100, 500, 1_000, 5_000, 10_000, 50_000, 100_000] as const;

/** Campaign sizes the cost table covers. */
export const COST_VOLUMES = [100_000, 1_000_000, 10_000_000, 100_000_000] as const;

const number = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 0 });
const usd = (value: number) =>
  value < 10 ? `$${value.toFixed(2)}` : `$${value.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

/** Identity-pool region counts the capacity and backlog tables compare. */
export const CAPACITY_REGIONS = [1, 4] as const;

/** Entrants/s and identity-pool regions → streams, credential calls, quota increases and lead time. */
export function renderCapacityTable(): string {
  return table(
    [
      'Peak entrants/s',
      'Regions',
      'GetId capacity/s',
      'Streams (floor)',
      'Streams (planned)',
      'MiB/s per stream',
      'GetId calls/s',
      'Quota increases to request',
      'File',
    ],
    CAPACITY_RATES.flatMap((rate) => CAPACITY_REGIONS.map((regions) => planCapacity(rate, regions))).map((row) => {
      return [
        number(row.entrantsPerSecond),
        number(row.regions),
        number(row.getIdCapacityPerSecond),
        number(row.minimumStreams),
        number(row.plannedStreams),
        row.mibPerSecondPerStream.toFixed(2),
        number(row.credentialCallsPerSecond),
        row.increases.join('; ') || 'none',
        row.leadTime,
      ];
    }),
  );
}

/** Devices waiting for guest credentials after a 10-minute burst at the default GetId quota, per region count. */
export function renderBacklogTable(): string {
  return table(
    ['New devices/s for 10 min', 'Regions', 'GetId quota/s', 'Still waiting at the end', 'Time to serve them'],
    [50, 100, 1_000, 10_000].flatMap((rate) =>
      CAPACITY_REGIONS.map((regions) => {
        const quota = DEFAULT_QUOTAS.cognitoGetIdPerSecond * regions;
        const backlog = credentialBacklog(rate, 600, quota);
        const hours = backlog.drainSeconds / 3_600;
        return [
          number(rate),
          number(regions),
          number(quota),
          number(backlog.waitingDevices),
          hours < 1 ? `${number(hours * 60)} min` : `${hours.toFixed(1)} h`,
        ];
      }),
    ),
  );
}

/** Stream counts the transform table covers (the planned streams of the capacity table's rates). */
export const TRANSFORM_STREAMS = [1, 4, 5, 9, 25, 43, 50] as const;

/** Streams → the transformation Lambda's reserved concurrency. */
export function renderTransformTable(): string {
  return table(
    ['Streams', 'Peak invocations/s (every stream at 5 MiB/s)', '`TransformReservedConcurrency`', 'Default account?'],
    TRANSFORM_STREAMS.map((streams) => {
      const row = planTransform(streams);
      return [
        number(streams),
        number(row.peakInvocationsPerSecond),
        number(row.reservedConcurrency),
        row.fitsDefaultAccount ? 'fits' : 'raise the account limit',
      ];
    }),
  );
}

/** Cost per line for each campaign size. */
export function renderCostTable(): string {
  const estimates = COST_VOLUMES.map(estimateCost);
  const rows = COST_LINES.map((line) => [line, ...estimates.map((estimate) => usd(estimate.lines[line]))]);
  rows.push(['**Total**', ...estimates.map((estimate) => `**${usd(estimate.total)}**`)]);
  rows.push(['Per 1,000 entries', ...estimates.map((estimate) => usd((estimate.total / estimate.entries) * 1_000))]);
  return table(['Line (USD)', ...COST_VOLUMES.map((volume) => `${number(volume)} entries`)], rows);
}

/** The unit prices used, with the date they were assumed. */
export function renderPriceTable(): string {
  return [
    `Prices assumed valid on **${PRICE_DATE}** (us-east-1, on-demand, USD, no free tier). Re-check each before budgeting.`,
    '',
    table(
      ['Price', 'USD'],
      Object.entries(PRICES).map(([name, value]) => [`\`${name}\``, String(value)]),
    ),
  ].join('\n');
}

/** Where Athena and DuckDB SQL differ, as the translation handles it. */
export function renderDialectTable(): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  return table(
    ['Athena (Trino)', 'DuckDB', 'Why'],
    dialectDifferences.map((d) => [cell(d.athena), cell(d.duckdb), cell(d.why)]),
  );
}

/** The queries with their descriptions and parameters. */
export function renderQueryTable(): string {
  return table(
    ['File', 'What it answers', 'Parameters'],
    campaignQueries.map((q) => [
      `[\`athena/${q.name}.sql\`](athena/${q.name}.sql)`,
      q.description,
      q.parameters.join(', ') || '—',
    ]),
  );
}

/** Subscribers behind one carrier-grade NAT address that the WAF table covers. */
export const NAT_SUBSCRIBERS = [100, 500, 1_000, 2_000] as const;

/** Subscribers per shared address → page loads and requests at the peak → `WafRateLimitPer5Min`. */
export function renderWafTable(): string {
  return table(
    ['Subscribers per address', 'Page loads in the peak 5 min', 'Requests in the peak 5 min', '`WafRateLimitPer5Min`'],
    NAT_SUBSCRIBERS.map((subscribers) => {
      const row = planWafRateLimit(subscribers);
      return [number(subscribers), number(row.pageLoadsPer5Min), number(row.requestsPer5Min), number(row.limitPer5Min)];
    }),
  );
}

const RENDERERS: Readonly<Record<string, Readonly<Record<string, () => string>>>> = {
  'README.md': { 'query-table': renderQueryTable, 'dialect-table': renderDialectTable },
  'CAPACITY.md': {
    'capacity-table': renderCapacityTable,
    'backlog-table': renderBacklogTable,
    'transform-table': renderTransformTable,
    'waf-table': renderWafTable,
  },
  'COST.md': { 'cost-table': renderCostTable, 'price-table': renderPriceTable },
};

/**
 * The text with table padding removed (cells trimmed, separator cells as `---`), so a table compares equal however
 * the formatter (biome) aligned its columns.
 */
export function normalizeTables(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.startsWith('|')) return line;
      const cells = line.slice(1, line.endsWith('|') ? -1 : undefined).split(/(?<!\\)\|/);
      return `| ${cells.map((cell) => cell.trim().replace(/^:?-+:?$/, '---')).join(' | ')} |`;
    })
    .join('\n');
}

/** The document's text with every generated table re-rendered. */
export function syncDocsText(doc: string, text: string): string {
  let out = text;
  for (const [name, render] of Object.entries(RENDERERS[doc] ?? {})) {
    const begin = `<!-- BEGIN GENERATED: ${name} -->\n`;
    const end = `<!-- END GENERATED: ${name} -->`;
    const start = out.indexOf(begin);
    const stop = out.indexOf(end);
    if (start < 0 || stop < start) throw new Error(`${doc} lost its "GENERATED: ${name}" markers`);
    out = `${out.slice(0, start + begin.length)}${render()}\n${out.slice(stop)}`;
  }
  return out;
}
