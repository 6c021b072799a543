// The server-side checks: guest credentials let anyone call PutRecordBatch without the page, so every stream must run
// its records through the transformation Lambda before S3. The function may do nothing but write its own logs; only
// the streams' role may invoke it (no resource policy, no function URL); its batch stays small enough that its answer
// fits Lambda's 6 MB response; its concurrency is reserved; and its failures and refusals raise alarms.
import type { CfnTemplate } from '../cfn-yaml.js';
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
import { alarmMetricNames } from './operations.js';

/** Node.js runtimes the transform's bundle targets. */
export const TRANSFORM_RUNTIMES = new Set(['nodejs20.x', 'nodejs22.x']);

/**
 * Largest Lambda processor buffer, in MB: the answer is at most about 2.3× the batch (base64 plus the server's fields
 * on the smallest records; packages/firehose-transform measures it), so 2 MB keeps it under the 6 MB response limit.
 */
export const MAX_PROCESSOR_BUFFER_MB = 2;

/** The only actions the transform's own role may have. */
const TRANSFORM_ROLE_ACTIONS = new Set(['logs:CreateLogStream', 'logs:PutLogEvents']);

/** The actions Firehose's role needs on the function (and nothing broader). */
const INVOKE_ACTIONS = ['lambda:InvokeFunction', 'lambda:GetFunctionConfiguration'];

function parameter(processor: unknown, name: string) {
  return asList(get(processor as never, 'Parameters')).find((p) => get(p, 'ParameterName') === name);
}

/** Checks every stream's processing configuration, the function, its role, Firehose's permission and the alarms. */
export function checkTransform(template: CfnTemplate): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const functions = new Map(resourcesOfType(template, 'AWS::Lambda::Function').map((fn) => [fn.id, fn]));
  const used = new Set<string>();
  const invokers = new Map<string, Set<string>>();

  for (const stream of resourcesOfType(template, 'AWS::KinesisFirehose::DeliveryStream')) {
    const path = `Resources.${stream.id}.Properties.ExtendedS3DestinationConfiguration`;
    const processing = get(stream.properties, 'ExtendedS3DestinationConfiguration', 'ProcessingConfiguration');
    const lambdas = asList(get(processing, 'Processors')).filter((p) => get(p, 'Type') === 'Lambda');
    if (get(processing, 'Enabled') !== true || lambdas.length !== 1) {
      issues.push({ path, message: 'every stream must run its records through the transformation Lambda' });
      continue;
    }
    const processor = lambdas[0];
    const fnId = referencedId(get(parameter(processor, 'LambdaArn'), 'ParameterValue'));
    if (!fnId || !functions.has(fnId)) {
      issues.push({ path, message: "the processor's LambdaArn must be this stack's transformation function" });
      continue;
    }
    used.add(fnId);
    const size = Number(get(parameter(processor, 'BufferSizeInMBs'), 'ParameterValue') ?? 1);
    if (!(size > 0 && size <= MAX_PROCESSOR_BUFFER_MB)) {
      issues.push({
        path,
        message: `the processor's BufferSizeInMBs must be at most ${MAX_PROCESSOR_BUFFER_MB} (Lambda's 6 MB response)`,
      });
    }
    if (Number(get(parameter(processor, 'NumberOfRetries'), 'ParameterValue') ?? 3) < 1) {
      issues.push({ path, message: 'a failed transform invocation must be retried (NumberOfRetries ≥ 1)' });
    }
    const roleId = referencedId(get(stream.properties, 'ExtendedS3DestinationConfiguration', 'RoleARN'));
    if (roleId) invokers.set(roleId, (invokers.get(roleId) ?? new Set()).add(fnId));
  }

  for (const fnId of used) {
    const fn = functions.get(fnId) as NamedResource;
    issues.push(...checkFunction(template, fn));
  }
  for (const [roleId, fnIds] of invokers) issues.push(...checkInvoker(template, roleId, fnIds));

  for (const type of ['AWS::Lambda::Permission', 'AWS::Lambda::Url', 'AWS::Lambda::EventSourceMapping']) {
    for (const extra of resourcesOfType(template, type)) {
      const target = referencedId(extra.properties.FunctionName ?? extra.properties.TargetFunctionArn ?? null);
      if (target && used.has(target)) {
        issues.push({
          path: `Resources.${extra.id}`,
          message: `no ${type} may expose the transform: only Firehose's role invokes it`,
        });
      }
    }
  }

  const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm');
  const reading = (metric: string) => alarms.filter((alarm) => alarmMetricNames(alarm).includes(metric));
  for (const fnId of used) {
    for (const metric of ['Errors', 'Throttles']) {
      const covered = reading(metric).some((alarm) =>
        [
          ...asList(alarm.properties.Dimensions),
          ...asList(alarm.properties.Metrics).flatMap((m) => asList(get(m, 'MetricStat', 'Metric', 'Dimensions'))),
        ].some((d) => get(d, 'Name') === 'FunctionName' && referencedId(get(d, 'Value')) === fnId),
      );
      if (!covered) issues.push({ path: `Resources.${fnId}`, message: `no Lambda ${metric} alarm on the transform` });
    }
  }
  if (used.size > 0) {
    // The circuit breaker's refused-share alarm trips far higher (a flood); the early warning must exist on its own.
    const lambdas = new Set(functions.keys());
    const share = reading('ProcessingFailed').filter(
      (alarm) =>
        alarmMetricNames(alarm).includes('Records') &&
        !asList(alarm.properties.AlarmActions).some((action) => lambdas.has(referencedId(action) ?? '')),
    );
    if (share.length === 0) issues.push({ path: 'Resources', message: 'no alarm on the share of refused records' });
    const streams = resourcesOfType(template, 'AWS::KinesisFirehose::DeliveryStream');
    const covered = new Set(
      reading('ExecuteProcessing.Success').flatMap((alarm) =>
        asList(alarm.properties.Dimensions)
          .filter((d) => get(d, 'Name') === 'DeliveryStreamName')
          .map((d) => referencedId(get(d, 'Value'))),
      ),
    );
    for (const stream of streams) {
      if (!covered.has(stream.id)) {
        issues.push({ path: `Resources.${stream.id}`, message: 'no ExecuteProcessing.Success alarm' });
      }
    }
  }
  return issues;
}

function checkFunction(template: CfnTemplate, fn: NamedResource): TemplateIssue[] {
  const path = `Resources.${fn.id}.Properties`;
  const issues: TemplateIssue[] = [];
  const fail = (message: string) => issues.push({ path, message });
  if (!TRANSFORM_RUNTIMES.has(String(fn.properties.Runtime))) fail('the transform runs on nodejs20.x or nodejs22.x');
  if (fn.properties.ReservedConcurrentExecutions === undefined) {
    fail('the transform needs reserved concurrency (CAPACITY.md): unreserved, other functions can starve it');
  }
  const code = fn.properties.Code;
  if (get(code, 'S3Bucket') === undefined || get(code, 'S3Key') === undefined) {
    fail('the transform is deployed from its bundle in S3 (Code: S3Bucket, S3Key)');
  }
  const env = get(fn.properties, 'Environment', 'Variables');
  if (referencedId(get(env, 'CAMPAIGN_ID')) !== 'CampaignId') fail("CAMPAIGN_ID must be the stack's CampaignId");
  for (const name of ['FIELDS', 'MIN_AGE', 'OPENS_AT', 'CLOSES_AT']) {
    if (get(env, name) === undefined) fail(`the transform needs ${name} (the page's campaign spec)`);
  }
  const logGroupId = referencedId(get(fn.properties, 'LoggingConfig', 'LogGroup'));
  const logGroup = logGroupId ? template.Resources[logGroupId] : undefined;
  if (logGroup?.Type !== 'AWS::Logs::LogGroup' || get(logGroup.Properties ?? {}, 'RetentionInDays') === undefined) {
    fail('the transform logs to a log group of this stack with a retention period');
  }

  const roleId = referencedId(fn.properties.Role);
  const role = roleId ? template.Resources[roleId] : undefined;
  if (!roleId || role?.Type !== 'AWS::IAM::Role')
    return [...issues, { path, message: 'the transform role is missing' }];
  const rolePath = `Resources.${roleId}.Properties`;
  const properties = role.Properties ?? {};
  const trust = statements(properties.AssumeRolePolicyDocument);
  if (!trust.every((s) => get(s, 'Principal', 'Service') === 'lambda.amazonaws.com' && !get(s, 'Principal', 'AWS'))) {
    issues.push({ path: rolePath, message: 'the transform role must trust only lambda.amazonaws.com' });
  }
  if ('ManagedPolicyArns' in properties) {
    issues.push({ path: rolePath, message: 'the transform role must have no managed policies' });
  }
  for (const policy of asList(properties.Policies)) {
    for (const statement of statements(get(policy, 'PolicyDocument'))) {
      if (statement.Effect !== 'Allow') continue;
      for (const action of asList(statement.Action)) {
        if (typeof action !== 'string' || !TRANSFORM_ROLE_ACTIONS.has(action)) {
          issues.push({
            path: rolePath,
            message: `the transform may only write its logs, not ${JSON.stringify(action)}`,
          });
        }
      }
      for (const resource of asList(statement.Resource)) {
        if (referencedId(resource) !== logGroupId) {
          issues.push({ path: rolePath, message: 'the transform may only write to its own log group' });
        }
      }
    }
  }
  return issues;
}

function checkInvoker(template: CfnTemplate, roleId: string, fnIds: ReadonlySet<string>): TemplateIssue[] {
  const role = template.Resources[roleId];
  const path = `Resources.${roleId}.Properties`;
  const allows = asList(role?.Properties?.Policies).flatMap((policy) =>
    statements(get(policy, 'PolicyDocument')).filter((statement) => statement.Effect === 'Allow'),
  );
  const issues: TemplateIssue[] = [];
  for (const statement of allows) {
    const actions = asList(statement.Action).map(String);
    if (!actions.some((action) => action.startsWith('lambda:'))) continue;
    for (const action of actions) {
      if (!INVOKE_ACTIONS.includes(action)) {
        issues.push({ path, message: `Firehose's role needs only ${INVOKE_ACTIONS.join(' and ')}, not ${action}` });
      }
    }
    for (const resource of asList(statement.Resource)) {
      const target = referencedId(resource);
      if (!target || !fnIds.has(target) || literalText(resource) === '*') {
        issues.push({ path, message: "Firehose's role may invoke the transform only, not every function" });
      }
    }
  }
  for (const fnId of fnIds) {
    const granted = INVOKE_ACTIONS.every((action) =>
      allows.some(
        (statement) =>
          asList(statement.Action).includes(action) &&
          asList(statement.Resource).some((resource) => referencedId(resource) === fnId),
      ),
    );
    if (!granted) {
      issues.push({ path, message: `Firehose's role must be allowed ${INVOKE_ACTIONS.join(' and ')} on ${fnId}` });
    }
  }
  return issues;
}
