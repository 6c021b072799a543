// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's ${…} substitution syntax, not JS.
// Anyone can mint guest credentials, so the guest role is the whole authorisation story: it must be assumable only by
// this pool's unauthenticated identities and allow nothing but putting records into this campaign's streams.
import { type CfnTemplate, isObject } from '../cfn-yaml.js';
import type { TemplateIssue } from '../template-issue.js';
import { asList, get, literalText, mentions, referencedId, resourcesOfType, statements } from '../template-model.js';

/** The only actions a guest may have. */
export const GUEST_ACTIONS = new Set(['firehose:PutRecordBatch', 'firehose:PutRecord']);

/** The ARN prefix (as a Fn::Sub template) every guest-writable resource must start with. */
export const STREAM_ARN_PREFIX =
  'arn:${AWS::Partition}:firehose:${AWS::Region}:${AWS::AccountId}:deliverystream/${CampaignId}-${Environment}-entries-';

/**
 * {@link STREAM_ARN_PREFIX} for a regional identity stack (identity-region.yaml): the streams are in the main stack's
 * region, its `StreamRegion` parameter, not in the pool's.
 */
export const REGIONAL_STREAM_ARN_PREFIX = STREAM_ARN_PREFIX.replace('${AWS::Region}', '${StreamRegion}');

/**
 * The IAM path every guest role of the campaign lives under, the main stack's and each regional stack's (as a Fn::Sub
 * template): the circuit breaker pauses every role under it, so a pool added in another region is paused too.
 */
export const GUEST_ROLE_PATH = '/campaign-entry/${CampaignId}-${Environment}/guests/';

/** The role ARNs under {@link GUEST_ROLE_PATH} (as a Fn::Sub template): what the breaker may change. */
export const GUEST_ROLES_ARN = `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role${GUEST_ROLE_PATH}*`;

/**
 * Checks the identity pool and its guest role.
 * @param streamArnPrefix what every guest-writable ARN must start with
 */
export function checkIdentity(template: CfnTemplate, streamArnPrefix = STREAM_ARN_PREFIX): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const pools = resourcesOfType(template, 'AWS::Cognito::IdentityPool');
  if (pools.length !== 1) issues.push({ path: 'Resources', message: 'expected exactly one Cognito identity pool' });
  for (const pool of pools) {
    const path = `Resources.${pool.id}.Properties`;
    if (pool.properties.AllowUnauthenticatedIdentities !== true) {
      issues.push({ path, message: 'unauthenticated (guest) identities must be on' });
    }
    if (pool.properties.AllowClassicFlow !== false) {
      issues.push({ path, message: 'the classic (basic) flow must be explicitly off (AllowClassicFlow: false)' });
    }
    for (const key of ['SupportedLoginProviders', 'DeveloperProviderName', 'CognitoIdentityProviders']) {
      if (key in pool.properties) issues.push({ path, message: `a guest-only pool has no ${key}` });
    }
  }

  const attachments = resourcesOfType(template, 'AWS::Cognito::IdentityPoolRoleAttachment');
  const guestRoleIds = attachments.map((attachment) => {
    const path = `Resources.${attachment.id}.Properties`;
    const roles = attachment.properties.Roles;
    if (isObject(roles) && 'authenticated' in roles)
      issues.push({ path, message: 'no authenticated role is expected' });
    if ('RoleMappings' in attachment.properties) issues.push({ path, message: 'no role mappings are expected' });
    return referencedId(get(roles, 'unauthenticated'));
  });
  const guestRoleId = guestRoleIds[0];
  if (guestRoleIds.length !== 1 || !guestRoleId) {
    return [...issues, { path: 'Resources', message: 'expected one role attachment naming the unauthenticated role' }];
  }
  const role = template.Resources[guestRoleId];
  if (role?.Type !== 'AWS::IAM::Role') return [...issues, { path: guestRoleId, message: 'guest role not found' }];
  const path = `Resources.${guestRoleId}.Properties`;
  const properties = role.Properties ?? {};

  const trust = statements(properties.AssumeRolePolicyDocument);
  const trustOk =
    trust.length === 1 &&
    trust.every(
      (statement) =>
        statement.Effect === 'Allow' &&
        get(statement, 'Principal', 'Federated') === 'cognito-identity.amazonaws.com' &&
        asList(statement.Action).every((action) => action === 'sts:AssumeRoleWithWebIdentity') &&
        pools.some(
          (pool) =>
            referencedId(get(statement, 'Condition', 'StringEquals', 'cognito-identity.amazonaws.com:aud')) === pool.id,
        ) &&
        get(statement, 'Condition', 'ForAnyValue:StringLike', 'cognito-identity.amazonaws.com:amr') ===
          'unauthenticated',
    );
  if (!trustOk) {
    issues.push({
      path,
      message: 'the guest role must trust only this pool (aud) and only unauthenticated identities (amr)',
    });
  }
  if (literalText(properties.Path ?? null) !== GUEST_ROLE_PATH) {
    issues.push({ path, message: `the guest role must live under Path ${GUEST_ROLE_PATH} (the circuit breaker's)` });
  }
  if ('ManagedPolicyArns' in properties) issues.push({ path, message: 'the guest role must have no managed policies' });
  for (const attached of [
    ...resourcesOfType(template, 'AWS::IAM::Policy'),
    ...resourcesOfType(template, 'AWS::IAM::ManagedPolicy'),
    ...resourcesOfType(template, 'AWS::IAM::RolePolicy'),
  ]) {
    if (mentions(attached.properties.Roles ?? attached.properties.RoleName ?? null, guestRoleId)) {
      issues.push({ path: `Resources.${attached.id}`, message: 'no extra policy may attach to the guest role' });
    }
  }
  for (const policy of asList(properties.Policies)) {
    for (const statement of statements(get(policy, 'PolicyDocument'))) {
      issues.push(...checkGuestStatement(statement, `${path}.Policies`, streamArnPrefix));
    }
  }
  return issues;
}

function checkGuestStatement(
  statement: Record<string, unknown>,
  path: string,
  streamArnPrefix: string,
): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  if ('NotAction' in statement || 'NotResource' in statement) {
    issues.push({ path, message: 'guest statements may not use NotAction/NotResource' });
  }
  if (statement.Effect !== 'Allow') return issues;
  for (const action of asList(statement.Action as never)) {
    if (typeof action !== 'string' || !GUEST_ACTIONS.has(action)) {
      issues.push({ path, message: `guests may only PutRecord/PutRecordBatch, not ${JSON.stringify(action)}` });
    }
  }
  for (const resource of asList(statement.Resource as never)) {
    const text = literalText(resource);
    // The prefix then `*` (every stream of this stack) or one index.
    if (!text?.startsWith(streamArnPrefix) || !/^(\*|[0-9]+)$/.test(text.slice(streamArnPrefix.length))) {
      issues.push({
        path,
        message: `guest resources must be this campaign's streams, not ${JSON.stringify(resource)}`,
      });
    }
  }
  return issues;
}
