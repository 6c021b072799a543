// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's ${…} substitution syntax, not JS.
// Who can read the entries: the data key is administered by named principals and used only by this stack's roles
// (an IAM policy granting kms:Decrypt on "*" elsewhere in the account opens nothing), and the data bucket denies
// s3:GetObject to every principal but those roles, whatever IAM allows.
import { type CfnTemplate, type CfnValue, isObject } from '../cfn-yaml.js';
import type { TemplateIssue } from '../template-issue.js';
import { asList, get, literalText, referencedId, resourcesOfType, statements } from '../template-model.js';

/** Key actions that read or produce data: what "using" the key means. */
const USE_ACTIONS = /^(\*|kms:\*|kms:Decrypt|kms:Encrypt|kms:ReEncrypt.*|kms:GenerateDataKey.*|kms:CreateGrant)$/;

/** The account root (`arn:${AWS::Partition}:iam::${AWS::AccountId}:root`): every IAM principal the account allows. */
function isAccountRoot(principal: CfnValue | undefined): boolean {
  return asList(get(principal, 'AWS')).some((p) => literalText(p)?.endsWith(':root') === true);
}

/** Role patterns the stack's own roles live under (`…:role/campaign-entry/${CampaignId}-${Environment}/…`). */
function isStackRolePattern(value: CfnValue | undefined): boolean {
  return literalText(value)?.includes(':role/campaign-entry/${CampaignId}-${Environment}/') === true;
}

/** True when the value is this stack's role (GetAtt), or QuickSight's service role (the optional dashboards). */
function isStackRoleArn(template: CfnTemplate, value: CfnValue | undefined): boolean {
  const id = referencedId(value);
  if (id && template.Resources[id]?.Type === 'AWS::IAM::Role') return true;
  const branches = get(value, 'Fn::If');
  if (Array.isArray(branches))
    return branches.slice(1).every((b) => (isObject(b) && 'Ref' in b) || isStackRoleArn(template, b));
  return literalText(value)?.endsWith(':role/service-role/aws-quicksight-service-role-v0') === true;
}

/** Checks the key policy of every KMS key and the data bucket's read restriction. */
export function checkDataAccess(template: CfnTemplate): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  for (const key of resourcesOfType(template, 'AWS::KMS::Key')) {
    const path = `Resources.${key.id}.Properties.KeyPolicy`;
    const all = statements(key.properties.KeyPolicy).filter((s) => s.Effect === 'Allow');
    const named = all.some((s) => referencedId(get(s.Principal, 'AWS')) === 'KeyAdminPrincipalArns');
    if (!named) issues.push({ path, message: 'the key policy must name its administrators (KeyAdminPrincipalArns)' });
    for (const statement of all) {
      const uses = asList(statement.Action)
        .map(String)
        .filter((action) => USE_ACTIONS.test(action));
      if (uses.length === 0) continue;
      const principals = asList(get(statement.Principal, 'AWS'));
      if (referencedId(get(statement.Principal, 'AWS')) === 'KeyAdminPrincipalArns') {
        issues.push({ path, message: `the key's administrators must not use it (${uses.join(', ')})` });
        continue;
      }
      if (isAccountRoot(statement.Principal)) {
        const grantForAws =
          uses.every((action) => action === 'kms:CreateGrant') &&
          String(get(statement, 'Condition', 'Bool', 'kms:GrantIsForAWSResource')) === 'true';
        const roles = asList(get(statement, 'Condition', 'ArnLike', 'aws:PrincipalArn'));
        const stackRolesOnly = roles.length > 0 && roles.every(isStackRolePattern);
        if (!grantForAws && !stackRolesOnly) {
          issues.push({
            path,
            message: `the account root must not be allowed ${uses.join(', ')}: any IAM principal with kms:Decrypt on "*" could read entries`,
          });
        }
        continue;
      }
      if (!principals.every((p) => isStackRoleArn(template, p))) {
        issues.push({ path, message: `only this stack's roles may use the key, not ${JSON.stringify(principals)}` });
      }
    }
  }

  const dataBuckets = new Set(
    resourcesOfType(template, 'AWS::KinesisFirehose::DeliveryStream')
      .map((stream) => referencedId(get(stream.properties, 'ExtendedS3DestinationConfiguration', 'BucketARN')))
      .filter((id): id is string => id !== undefined),
  );
  for (const bucketId of dataBuckets) {
    const denies = resourcesOfType(template, 'AWS::S3::BucketPolicy')
      .filter((policy) => referencedId(policy.properties.Bucket) === bucketId)
      .flatMap((policy) => statements(policy.properties.PolicyDocument))
      .filter(
        (s) =>
          s.Effect === 'Deny' &&
          (s.Principal === '*' || asList(get(s.Principal, 'AWS')).includes('*')) &&
          asList(s.Action).some((a) => a === 's3:GetObject' || a === 's3:*' || a === 's3:Get*') &&
          asList(s.Resource).some((r) => literalText(r)?.endsWith('/*')),
      );
    const restricted = denies.some((s) => {
      const exempt = asList(get(s, 'Condition', 'ArnNotEquals', 'aws:PrincipalArn'));
      return (
        exempt.length > 0 && exempt.every((value) => isStackRoleArn(template, value)) && !get(s, 'Condition', 'Bool')
      );
    });
    if (!restricted) {
      issues.push({
        path: `Resources.${bucketId}`,
        message:
          "the bucket policy must deny s3:GetObject to every principal but this stack's roles (aws:PrincipalArn)",
      });
    }
  }
  return issues;
}
