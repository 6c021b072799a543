// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's ${…} substitution syntax, not JS.
// The regional identity stack (identity-region.yaml), checked as the main template is: one pool, one guest role that
// trusts only that pool's guests and may only put records into the main stack's streams in the stream region.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REGIONAL_STREAM_ARN_PREFIX } from './invariants/identity.js';
import { checkIdentityRegionTemplate, identityRegionTemplateUrl, loadTemplate } from './template.js';
import { formatIssues } from './template-issue.js';

const template = loadTemplate(identityRegionTemplateUrl);

/** A deep copy of the regional template with `change` applied. */
function changed(change: (copy: typeof template) => void): typeof template {
  const copy = structuredClone(template);
  change(copy);
  return copy;
}

type Statement = Record<string, unknown> & { Condition: Record<string, unknown> };
const guestRole = (copy: typeof template) =>
  copy.Resources.GuestRole?.Properties as unknown as {
    Policies: { PolicyDocument: { Statement: Statement[] } }[];
    AssumeRolePolicyDocument: { Statement: Statement[] };
  };
const guestStatement = (copy: typeof template) => guestRole(copy).Policies[0]?.PolicyDocument.Statement[0] as Statement;

describe('identity-region.yaml', () => {
  test('passes the resource specification, reference and identity checks', () => {
    const issues = checkIdentityRegionTemplate(template);
    assert.equal(issues.length, 0, formatIssues(issues));
  });

  test('lets guests write only to the streams in StreamRegion, never in the pool region', () => {
    assert.ok(REGIONAL_STREAM_ARN_PREFIX.includes(':firehose:${StreamRegion}:'));
    const local = changed((copy) => {
      guestStatement(copy).Resource = {
        'Fn::Sub':
          'arn:${AWS::Partition}:firehose:${AWS::Region}:${AWS::AccountId}:deliverystream/${CampaignId}-${Environment}-entries-*',
      };
    });
    assert.match(formatIssues(checkIdentityRegionTemplate(local)), /this campaign's streams/u);
  });

  test('refuses a guest role that trusts authenticated identities or more than PutRecord(Batch)', () => {
    const anyone = changed((copy) => {
      const trust = guestRole(copy).AssumeRolePolicyDocument.Statement[0];
      if (trust) delete trust.Condition['ForAnyValue:StringLike'];
    });
    assert.match(formatIssues(checkIdentityRegionTemplate(anyone)), /only unauthenticated identities/u);
    const more = changed((copy) => {
      guestStatement(copy).Action = ['firehose:PutRecordBatch', 'firehose:DescribeDeliveryStream'];
    });
    assert.match(formatIssues(checkIdentityRegionTemplate(more)), /may only PutRecord\/PutRecordBatch/u);
  });

  test("refuses a guest role outside the main stack's guest path, where the circuit breaker would not find it", () => {
    const issues = formatIssues(
      checkIdentityRegionTemplate(
        changed((copy) => {
          (copy.Resources.GuestRole?.Properties as Record<string, unknown>).Path = '/';
        }),
      ),
    );
    assert.match(issues, /the guest role must live under Path/);
  });

  test('outputs the pool id and region the page config lists', () => {
    assert.deepEqual(Object.keys(template.Outputs ?? {}).slice(0, 2), ['IdentityPoolId', 'Region']);
  });
});
