// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's ${…} substitution syntax, not JS.
// The real template, checked as the operations team would deploy it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { duckdbEntriesViewSql } from '../sql/queries.js';
import { isObject } from './cfn-yaml.js';
import { STREAM_ARN_PREFIX } from './invariants/identity.js';
import { expandLanguageExtensions } from './language-extensions.js';
import { checkTemplate, loadTemplate, MAX_RESOURCES, MAX_TEMPLATE_BYTES, templateUrl } from './template.js';
import { formatIssues } from './template-issue.js';
import { get, literalText, resourcesOfType } from './template-model.js';

const template = loadTemplate();
const indexes = (n: number) => Array.from({ length: n }, (_, i) => String(i));

describe('template.yaml', () => {
  test('passes the resource specification, reference and security checks with its defaults', () => {
    const issues = checkTemplate(template);
    assert.equal(issues.length, 0, formatIssues(issues));
  });

  test('still passes with one stream and with the 50-stream regional default, under the 500-resource quota', () => {
    for (const n of [1, 50]) {
      const issues = checkTemplate(template, { DeliveryStreamIndexes: indexes(n) });
      assert.equal(issues.length, 0, `${n} streams:\n${formatIssues(issues)}`);
      const expanded = expandLanguageExtensions(template, { DeliveryStreamIndexes: indexes(n) });
      assert.ok(Object.keys(expanded.Resources).length <= MAX_RESOURCES);
    }
  });

  test('creates one delivery stream per index, named <campaign>-<env>-entries-<i> and inside the guest policy', () => {
    const expanded = expandLanguageExtensions(template, { DeliveryStreamIndexes: indexes(7) });
    const names = resourcesOfType(expanded, 'AWS::KinesisFirehose::DeliveryStream').map((stream) =>
      literalText(stream.properties.DeliveryStreamName),
    );
    assert.deepEqual(
      names,
      indexes(7).map((i) => `\${CampaignId}-\${Environment}-entries-${i}`),
    );
    const streamPart = STREAM_ARN_PREFIX.slice(STREAM_ARN_PREFIX.indexOf('${CampaignId}'));
    for (const name of names) assert.ok(name?.startsWith(streamPart), `${name} is outside the guest policy`);
  });

  test('outputs everything the page config needs, and one output per stream', () => {
    const outputs = expandLanguageExtensions(template, { DeliveryStreamIndexes: indexes(3) }).Outputs ?? {};
    for (const key of ['Region', 'IdentityPoolId', 'CampaignId', 'DeliveryStreamNamePrefix', 'DeliveryStreamIndexes']) {
      assert.ok(key in outputs, `missing output ${key}`);
    }
    assert.deepEqual(
      Object.keys(outputs).filter((key) => /^DeliveryStream\d+$/.test(key)),
      ['DeliveryStream0', 'DeliveryStream1', 'DeliveryStream2'],
    );
  });

  test('uses the language extensions transform, the only way it loops', () => {
    assert.equal(template.Transform, 'AWS::LanguageExtensions');
    assert.ok(!('Transform' in expandLanguageExtensions(template)));
  });

  test('keeps personal data when the stack is deleted (bucket and key retained)', () => {
    for (const id of ['DataBucket', 'DataKey']) assert.equal(template.Resources[id]?.DeletionPolicy, 'Retain');
  });

  test('runs every stream through the transformation Lambda, with the template’s campaign spec', () => {
    const expanded = expandLanguageExtensions(template, { DeliveryStreamIndexes: indexes(3) });
    for (const stream of resourcesOfType(expanded, 'AWS::KinesisFirehose::DeliveryStream')) {
      const destination = stream.properties.ExtendedS3DestinationConfiguration;
      assert.ok(isObject(destination));
      assert.deepEqual(destination.ProcessingConfiguration, {
        Enabled: true,
        Processors: [
          {
            Type: 'Lambda',
            Parameters: [
              { ParameterName: 'LambdaArn', ParameterValue: { 'Fn::GetAtt': ['TransformFunction', 'Arn'] } },
              { ParameterName: 'BufferSizeInMBs', ParameterValue: '1' },
              { ParameterName: 'BufferIntervalInSeconds', ParameterValue: { Ref: 'BufferingIntervalSeconds' } },
              { ParameterName: 'NumberOfRetries', ParameterValue: '3' },
            ],
          },
        ],
      });
    }
    const [fn] = resourcesOfType(expanded, 'AWS::Lambda::Function');
    assert.ok(fn);
    assert.equal(fn.properties.Handler, 'index.handler', 'the bundle is index.mjs exporting handler');
    assert.deepEqual(Object.keys((fn.properties.Environment as { Variables: object }).Variables), [
      'CAMPAIGN_ID',
      'FIELDS',
      'MIN_AGE',
      'LOCALES',
      'OPENS_AT',
      'CLOSES_AT',
    ]);
    assert.equal(
      resourcesOfType(expanded, 'AWS::CloudWatch::Alarm').filter((alarm) =>
        String(literalText(alarm.properties.AlarmName)).endsWith('-transform-invocations'),
      ).length,
      3,
      'one ExecuteProcessing.Success alarm per stream',
    );
  });

  test('declares the same entries columns as DuckDB’s local view, the transform’s arrivedAt and checks included', () => {
    const [table] = resourcesOfType(template, 'AWS::Glue::Table');
    const glue = (get(table?.properties, 'TableInput', 'StorageDescriptor', 'Columns') as { Name: string }[]).map(
      (column) => column.Name,
    );
    const duckdb = [...duckdbEntriesViewSql('x').matchAll(/(\w+|"schema"): '/g)].map((m) =>
      (m[1] ?? '').replaceAll('"', '').toLowerCase(),
    );
    assert.deepEqual(glue, duckdb);
    assert.ok(glue.includes('arrivedat') && glue.includes('checks'));
  });

  test('fits CloudFormation’s template size limit for S3-uploaded templates', () => {
    assert.ok(readFileSync(templateUrl).byteLength < MAX_TEMPLATE_BYTES);
  });
});
