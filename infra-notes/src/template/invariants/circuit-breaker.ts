// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's ${…} substitution syntax, not JS.
// The automatic circuit breaker: guest credentials reach Firehose without WAF, so a flood must stop without waiting
// for a person. Every stream needs a flood alarm and the transform a refused-share alarm, each invoking one breaker
// function; the breaker may only attach or detach the stack's deny-Firehose policy on the guest role (nothing else,
// on no other role), tell the alarm topic and write its own logs; only this stack's breaker alarms may invoke it.
import type { CfnTemplate, CfnValue } from '../cfn-yaml.js';
import type { TemplateIssue } from '../template-issue.js';
import {
  asList,
  get,
  literalText,
  type NamedResource,
  referencedId,
  resourcesOfType,
  statements,
} from '../template-model.js';
import { GUEST_ROLES_ARN } from './identity.js';
import { alarmMetricNames } from './operations.js';

/** The only actions the breaker's role may have. */
const BREAKER_ACTIONS = new Set([
  'iam:AttachRolePolicy',
  'iam:DetachRolePolicy',
  'iam:ListRoles',
  'sns:Publish',
  'logs:CreateLogStream',
  'logs:PutLogEvents',
]);

/** Runtimes Lambda supports today for inline (ZipFile) code. */
export const BREAKER_RUNTIMES = new Set(['python3.12', 'python3.13', 'nodejs20.x', 'nodejs22.x']);

/** The logical id of the role Cognito gives guests, from the pool's role attachment. */
export function guestRoleId(template: CfnTemplate): string | undefined {
  const [attachment] = resourcesOfType(template, 'AWS::Cognito::IdentityPoolRoleAttachment');
  return referencedId(get(attachment?.properties, 'Roles', 'unauthenticated'));
}

/** The Lambda functions an alarm's actions invoke (alarm actions may name a function ARN directly). */
function invokedFunctions(alarm: NamedResource, functions: ReadonlySet<string>): string[] {
  return asList(alarm.properties.AlarmActions)
    .map((action) => referencedId(action))
    .filter((id): id is string => id !== undefined && functions.has(id));
}

/** The stream an alarm watches: a Ref/GetAtt to it, or its literal name (a `Fn::Sub` of the same template). */
function watchedStreams(alarm: NamedResource, streams: readonly NamedResource[]): string[] {
  const dimensions = [
    ...asList(alarm.properties.Dimensions),
    ...asList(alarm.properties.Metrics).flatMap((m) => asList(get(m, 'MetricStat', 'Metric', 'Dimensions'))),
  ].filter((d) => get(d, 'Name') === 'DeliveryStreamName');
  return streams
    .filter((stream) =>
      dimensions.some((d) => {
        const value = get(d, 'Value');
        if (referencedId(value) === stream.id) return true;
        const name = literalText(value);
        return name !== undefined && name === literalText(stream.properties.DeliveryStreamName);
      }),
    )
    .map((stream) => stream.id);
}

/** Checks the breaker's alarms, function, invoke permission, role and pause policy. */
export function checkCircuitBreaker(template: CfnTemplate): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const functions = new Set(resourcesOfType(template, 'AWS::Lambda::Function').map((fn) => fn.id));
  const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm');
  const streams = resourcesOfType(template, 'AWS::KinesisFirehose::DeliveryStream');
  const breakers = new Set(alarms.flatMap((alarm) => invokedFunctions(alarm, functions)));

  for (const stream of streams) {
    const tripped = alarms.some(
      (alarm) =>
        alarmMetricNames(alarm).includes('IncomingRecords') &&
        watchedStreams(alarm, streams).includes(stream.id) &&
        invokedFunctions(alarm, functions).length > 0,
    );
    if (!tripped) {
      issues.push({
        path: `Resources.${stream.id}`,
        message: 'no flood alarm (IncomingRecords) wired to the circuit breaker',
      });
    }
  }
  const refusedShare = alarms.some((alarm) => {
    const names = alarmMetricNames(alarm);
    return (
      names.includes('ProcessingFailed') && names.includes('Records') && invokedFunctions(alarm, functions).length > 0
    );
  });
  if (!refusedShare) {
    issues.push({ path: 'Resources', message: 'no refused-share alarm wired to the circuit breaker' });
  }
  if (breakers.size > 1) {
    issues.push({
      path: 'Resources',
      message: `alarms invoke ${[...breakers].join(', ')}: one circuit breaker is expected`,
    });
  }

  const guestId = guestRoleId(template);
  for (const breakerId of breakers) {
    const fn = template.Resources[breakerId];
    const path = `Resources.${breakerId}.Properties`;
    const properties = fn?.Properties ?? {};
    if (!BREAKER_RUNTIMES.has(String(properties.Runtime))) {
      issues.push({
        path,
        message: `the circuit breaker needs a supported runtime (${[...BREAKER_RUNTIMES].join(', ')})`,
      });
    }
    if (typeof get(properties, 'Code', 'ZipFile') !== 'string') {
      issues.push({ path, message: 'the circuit breaker is inline code (Code.ZipFile), reviewed with the template' });
    }
    issues.push(...checkInvokers(template, breakerId));
    issues.push(...checkBreakerRole(template, breakerId, referencedId(properties.Role), guestId));
  }
  return issues;
}

function checkInvokers(template: CfnTemplate, breakerId: string): TemplateIssue[] {
  const permissions = resourcesOfType(template, 'AWS::Lambda::Permission').filter(
    (permission) => referencedId(permission.properties.FunctionName ?? null) === breakerId,
  );
  const issues: TemplateIssue[] = [];
  if (!permissions.some((p) => p.properties.Principal === 'lambda.alarms.cloudwatch.amazonaws.com')) {
    issues.push({
      path: `Resources.${breakerId}`,
      message: 'CloudWatch alarms cannot invoke the circuit breaker (no Lambda permission)',
    });
  }
  for (const permission of permissions) {
    const path = `Resources.${permission.id}.Properties`;
    if (permission.properties.Principal !== 'lambda.alarms.cloudwatch.amazonaws.com') {
      issues.push({ path, message: 'only CloudWatch alarms may invoke the circuit breaker' });
    }
    const source = literalText(permission.properties.SourceArn);
    if (
      !source?.includes(':alarm:${CampaignId}-${Environment}-') ||
      permission.properties.SourceAccount === undefined
    ) {
      issues.push({ path, message: "the breaker's invoke permission must name this stack's alarms and account" });
    }
  }
  return issues;
}

function checkBreakerRole(
  template: CfnTemplate,
  breakerId: string,
  roleId: string | undefined,
  guestId: string | undefined,
): TemplateIssue[] {
  const role = roleId ? template.Resources[roleId] : undefined;
  if (!roleId || role?.Type !== 'AWS::IAM::Role') {
    return [{ path: `Resources.${breakerId}`, message: 'the circuit breaker role is missing' }];
  }
  const path = `Resources.${roleId}.Properties`;
  const properties = role.Properties ?? {};
  const issues: TemplateIssue[] = [];
  const fail = (message: string) => issues.push({ path, message });
  if ('ManagedPolicyArns' in properties) fail('the circuit breaker role must have no managed policies');
  const trust = statements(properties.AssumeRolePolicyDocument);
  if (!trust.every((s) => get(s, 'Principal', 'Service') === 'lambda.amazonaws.com' && !get(s, 'Principal', 'AWS'))) {
    fail('the circuit breaker role must trust only lambda.amazonaws.com');
  }
  const allows = asList(properties.Policies).flatMap((policy) =>
    statements(get(policy, 'PolicyDocument')).filter((statement) => statement.Effect === 'Allow'),
  );
  let canPause = false;
  for (const statement of allows) {
    const actions = asList(statement.Action).map(String);
    for (const action of actions) {
      if (!BREAKER_ACTIONS.has(action))
        fail(`the circuit breaker may only attach/detach the pause policy, not ${JSON.stringify(action)}`);
    }
    // Finding the guest roles is a read that IAM cannot scope (ListRoles takes no resource).
    if (actions.every((action) => action === 'iam:ListRoles')) continue;
    if (!actions.some((action) => action.startsWith('iam:'))) continue;
    const resources = asList(statement.Resource);
    const guestOnly = (resource: CfnValue) =>
      (guestId !== undefined && referencedId(resource) === guestId) || literalText(resource) === GUEST_ROLES_ARN;
    if (!guestId || resources.length === 0 || !resources.every(guestOnly)) {
      fail('the circuit breaker may change the guest roles only (the guest role, or the roles under its path)');
    }
    const policyId = referencedId(get(statement, 'Condition', 'ArnEquals', 'iam:PolicyARN'));
    if (
      !policyId ||
      !isPausePolicy(template.Resources[policyId]?.Properties?.PolicyDocument, template.Resources[policyId]?.Type)
    ) {
      fail('the circuit breaker may attach only the deny-Firehose pause policy (condition iam:PolicyARN)');
    } else {
      canPause = true;
    }
  }
  if (!canPause) fail('the circuit breaker cannot attach the pause policy to the guest role');
  return issues;
}

/** A managed policy that only denies, and denies every Firehose action. */
function isPausePolicy(document: CfnValue | undefined, type: string | undefined): boolean {
  if (type !== 'AWS::IAM::ManagedPolicy') return false;
  const all = statements(document);
  return (
    all.length > 0 &&
    all.every((s) => s.Effect === 'Deny') &&
    all.some((s) => asList(s.Action).some((a) => a === 'firehose:*' || a === '*') && asList(s.Resource).includes('*'))
  );
}
