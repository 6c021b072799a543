// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's ${…} substitution syntax, not JS.
// The real template, checked as the operations team would deploy it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { isObject } from './cfn-yaml.js';
import { STREAM_ARN_PREFIX } from './invariants/identity.js';
import { expandLanguageExtensions } from './language-extensions.js';
import { checkTemplate, loadTemplate, MAX_RESOURCES, MAX_TEMPLATE_BYTES, templateUrl } from './template.js';
import { formatIssues } from './template-issue.js';
import { literalText, resourcesOfType } from './template-model.js';

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

  test('leaves room for the Firehose transformation Lambda of a later issue', () => {
    const stream = resourcesOfType(expandLanguageExtensions(template), 'AWS::KinesisFirehose::DeliveryStream')[0];
    const destination = stream?.properties.ExtendedS3DestinationConfiguration;
    assert.ok(isObject(destination) && !('ProcessingConfiguration' in destination));
    assert.match(readFileSync(templateUrl, 'utf8'), /Extension point: a record-transformation Lambda goes here/);
  });

  test('fits CloudFormation’s template size limit for S3-uploaded templates', () => {
    assert.ok(readFileSync(templateUrl).byteLength < MAX_TEMPLATE_BYTES);
  });
});
