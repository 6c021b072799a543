// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's ${…} substitution syntax, not JS.
// Keeps one source of truth for the SQL: the template's Athena named queries and the QuickSight dataset are rendered
// from athena/*.sql between marker comments. `pnpm --filter @campaign-entry/infra-notes run sync` rewrites them;
// a test fails when the template and the files disagree.
import { type CampaignQuery, campaignQueries, findQuery } from '../sql/queries.js';

/** The QuickSight dataset's columns, in the order athena/dashboard-entrants.sql selects them. */
export const DASHBOARD_COLUMNS: readonly (readonly [name: string, type: string])[] = [
  ['entry_id', 'STRING'],
  ['submitted_at', 'DATETIME'],
  ['minute_utc', 'STRING'],
  ['entrant_hash', 'STRING'],
  ['marketing_opt_in', 'BOOLEAN'],
  ['postal_region', 'STRING'],
  ['suspect', 'BOOLEAN'],
];

const QUICKSIGHT_DATASET_ACTIONS = [
  'quicksight:DescribeDataSet',
  'quicksight:DescribeDataSetPermissions',
  'quicksight:PassDataSet',
  'quicksight:DescribeIngestion',
  'quicksight:ListIngestions',
  'quicksight:UpdateDataSet',
  'quicksight:DeleteDataSet',
  'quicksight:CreateIngestion',
  'quicksight:CancelIngestion',
  'quicksight:UpdateDataSetPermissions',
];

/** `entry-count` → `NamedQueryEntryCount`. */
export function namedQueryLogicalId(name: string): string {
  return `NamedQuery${name.replace(/(^|-)([a-z0-9])/g, (_, _dash, letter: string) => letter.toUpperCase())}`;
}

/** The query without its `-- name/description/parameters` header lines (QuickSight wraps it as a subquery). */
export function sqlBody(query: CampaignQuery): string {
  return query.athena.replace(/^(-- (name|description|parameters): .*\n)+/, '');
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const block = (text: string, indent: string) =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line === '' ? '' : `${indent}${line}`))
    .join('\n');

/** The `AWS::Athena::NamedQuery` resources, one per athena/*.sql. */
export function renderNamedQueries(queries: readonly CampaignQuery[] = campaignQueries): string {
  return queries
    .map((query) =>
      [
        `  ${namedQueryLogicalId(query.name)}:`,
        '    Type: AWS::Athena::NamedQuery',
        '    Properties:',
        `      Name: !Sub '\${CampaignId}-\${Environment}-${query.name}'`,
        `      Description: ${quote(query.description.slice(0, 1024))}`,
        '      Database: !Ref GlueDatabase',
        '      WorkGroup: !Ref AthenaWorkGroup',
        '      QueryString: |',
        block(query.athena, '        '),
        '',
      ].join('\n'),
    )
    .join('\n');
}

/** The optional QuickSight dataset over athena/dashboard-entrants.sql (direct query: live during the game). */
export function renderQuickSightDataSet(): string {
  const query = findQuery('dashboard-entrants');
  return [
    '  QuickSightDataSet:',
    '    Type: AWS::QuickSight::DataSet',
    '    Condition: QuickSightEnabled',
    '    Properties:',
    "      AwsAccountId: !Ref 'AWS::AccountId'",
    "      DataSetId: !Sub '${CampaignId}-${Environment}-entrants'",
    "      Name: !Sub '${CampaignId} ${Environment} entrants'",
    '      ImportMode: DIRECT_QUERY',
    '      PhysicalTableMap:',
    '        entrants:',
    '          CustomSql:',
    '            DataSourceArn: !GetAtt QuickSightDataSource.Arn',
    `            Name: ${query.name}`,
    '            SqlQuery: |',
    block(sqlBody(query), '              '),
    '            Columns:',
    ...DASHBOARD_COLUMNS.map(([name, type]) => `              - { Name: ${name}, Type: ${type} }`),
    '      Permissions:',
    '        - Principal: !Ref QuickSightPrincipalArn',
    '          Actions:',
    ...QUICKSIGHT_DATASET_ACTIONS.map((action) => `            - ${action}`),
    '',
  ].join('\n');
}

function replaceSection(text: string, marker: string, body: string): string {
  const begin = new RegExp(`^  # BEGIN GENERATED ${marker}.*\\n`, 'm');
  const end = `  # END GENERATED ${marker}\n`;
  const start = text.search(begin);
  const stop = text.indexOf(end);
  if (start < 0 || stop < start) throw new Error(`template.yaml lost its "GENERATED ${marker}" markers`);
  const header = text.slice(start).match(begin)?.[0] ?? '';
  return `${text.slice(0, start)}${header}${body}${text.slice(stop)}`;
}

/** The template text with both generated sections rendered from athena/*.sql. */
export function syncTemplateText(text: string): string {
  const withQueries = replaceSection(text, 'NAMED QUERIES', renderNamedQueries());
  return replaceSection(withQueries, 'QUICKSIGHT DATASET', renderQuickSightDataSet());
}
