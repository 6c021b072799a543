// One source of truth for the SQL: athena/*.sql. The template's named queries and QuickSight dataset must be exactly
// those files (`pnpm --filter @campaign-entry/infra-notes run sync` regenerates them).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { namedQueryLogicalId, sqlBody, syncTemplateText } from '../docs/generated-sections.js';
import { parseTemplate } from '../template/cfn-yaml.js';
import { loadTemplate, templateUrl } from '../template/template.js';
import { get, literalText, resourcesOfType } from '../template/template-model.js';
import { campaignQueries, findQuery, parseQueryFile } from './queries.js';
import { athenaToDuckDb } from './sql-dialects.js';

const template = loadTemplate();

describe('the named queries', () => {
  test('the template’s generated sections are up to date with athena/*.sql (run `pnpm … run sync` if not)', () => {
    const text = readFileSync(templateUrl, 'utf8');
    assert.deepEqual(parseTemplate(syncTemplateText(text)), parseTemplate(text));
  });

  test('every athena/*.sql file is a named query whose QueryString is the file, and nothing else is', () => {
    const named = resourcesOfType(template, 'AWS::Athena::NamedQuery');
    assert.deepEqual(named.map((q) => q.id).sort(), campaignQueries.map((q) => namedQueryLogicalId(q.name)).sort());
    for (const query of campaignQueries) {
      const resource = named.find((q) => q.id === namedQueryLogicalId(query.name));
      assert.equal(resource?.properties.QueryString, query.athena, query.name);
      assert.equal(literalText(resource?.properties.Name), `\${CampaignId}-\${Environment}-${query.name}`);
    }
  });

  test('the QuickSight dataset runs the dashboard query’s body', () => {
    const [dataset] = resourcesOfType(template, 'AWS::QuickSight::DataSet');
    const sql = get(dataset?.properties, 'PhysicalTableMap', 'entrants', 'CustomSql', 'SqlQuery');
    assert.equal(sql, sqlBody(findQuery('dashboard-entrants')));
  });

  test('the queries cover what the issue asks for, and the draw takes its seed as a parameter', () => {
    for (const name of ['entry-count', 'entries-per-minute', 'unique-entrants', 'suspected-bots', 'winner-draw']) {
      assert.ok(findQuery(name));
    }
    assert.deepEqual(findQuery('winner-draw').parameters, ['closes_at', 'grace_minutes', 'seed']);
    assert.equal(campaignQueries.filter((q) => q.createsView).length, 1);
  });
});

describe('athenaToDuckDb', () => {
  test('reads a map with a subscript instead of element_at', () => {
    assert.equal(athenaToDuckDb("SELECT element_at(fields, 'postal-code') x"), "SELECT fields['postal-code'] x");
  });

  test('hashes strings directly instead of through varbinary', () => {
    assert.equal(
      athenaToDuckDb("lower(to_hex(sha256(to_utf8(? || ':' || entryId)))) AS h"),
      "lower(sha256(? || ':' || entryId)) AS h",
    );
  });

  test('leaves everything else as it is', () => {
    const sql = "SELECT count_if(consent.marketing), split_part(a, '@', 1) FROM entries_unique";
    assert.equal(athenaToDuckDb(sql), sql);
  });
});

describe('parseQueryFile', () => {
  test('needs a name and a description header', () => {
    assert.throws(() => parseQueryFile('SELECT 1'), /needs "-- name:"/);
  });

  test('rejects a query whose ? placeholders and declared parameters disagree', () => {
    assert.throws(
      () => parseQueryFile('-- name: x\n-- description: y?\nSELECT ?, ?\n'),
      /2 "\?" placeholders but 0 declared parameters/,
    );
  });
});
