// What the operations team watches: a multi-region trail with log validation, AWS Config with rules, and the alarms
// the runbook answers (Firehose throttling and freshness on every stream, WAF blocked rate, Cognito throttles).
import type { CfnTemplate, CfnValue } from '../cfn-yaml.js';
import type { TemplateIssue } from '../template-issue.js';
import { asList, get, type NamedResource, referencedId, resourcesOfType } from '../template-model.js';

/** The metric names an alarm reads, whether from `MetricName` or from metric-math `Metrics`. */
export function alarmMetricNames(alarm: NamedResource): string[] {
  const direct = alarm.properties.MetricName;
  const fromMath = asList(alarm.properties.Metrics).map((metric) => get(metric, 'MetricStat', 'Metric', 'MetricName'));
  return [direct, ...fromMath].map((name) => literalName(name)).filter((name): name is string => name !== undefined);
}

function literalName(name: CfnValue | undefined): string | undefined {
  if (typeof name === 'string') return name;
  const sub = get(name, 'Fn::Sub');
  return typeof sub === 'string' ? sub : undefined;
}

/** The delivery stream logical ids an alarm's dimensions point at. */
function alarmStreams(alarm: NamedResource): (string | undefined)[] {
  const dimensions = [
    ...asList(alarm.properties.Dimensions),
    ...asList(alarm.properties.Metrics).flatMap((metric) => asList(get(metric, 'MetricStat', 'Metric', 'Dimensions'))),
  ];
  return dimensions.filter((d) => get(d, 'Name') === 'DeliveryStreamName').map((d) => referencedId(get(d, 'Value')));
}

/** Checks CloudTrail, AWS Config and the alarms. */
export function checkOperations(template: CfnTemplate): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const trails = resourcesOfType(template, 'AWS::CloudTrail::Trail');
  if (trails.length === 0) issues.push({ path: 'Resources', message: 'a CloudTrail trail is missing' });
  for (const trail of trails) {
    const path = `Resources.${trail.id}.Properties`;
    if (trail.properties.IsMultiRegionTrail !== true) issues.push({ path, message: 'the trail must be multi-region' });
    if (trail.properties.EnableLogFileValidation !== true)
      issues.push({ path, message: 'log file validation must be on' });
    if (trail.properties.IsLogging !== true) issues.push({ path, message: 'the trail must be logging' });
  }
  for (const type of ['AWS::Config::ConfigurationRecorder', 'AWS::Config::DeliveryChannel']) {
    if (resourcesOfType(template, type).length !== 1) issues.push({ path: 'Resources', message: `${type} is missing` });
  }
  if (resourcesOfType(template, 'AWS::Config::ConfigRule').length < 3) {
    issues.push({ path: 'Resources', message: 'at least three AWS Config managed rules are expected' });
  }

  const topics = new Set(resourcesOfType(template, 'AWS::SNS::Topic').map((topic) => topic.id));
  const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm');
  for (const alarm of alarms) {
    if (!asList(alarm.properties.AlarmActions).some((action) => topics.has(referencedId(action) ?? ''))) {
      issues.push({ path: `Resources.${alarm.id}.Properties`, message: 'the alarm must notify the SNS topic' });
    }
  }
  const reading = (metric: string) => alarms.filter((alarm) => alarmMetricNames(alarm).some((n) => n.endsWith(metric)));
  const streams = resourcesOfType(template, 'AWS::KinesisFirehose::DeliveryStream');
  for (const metric of ['ThrottledRecords', 'DeliveryToS3.DataFreshness']) {
    const covered = new Set(reading(metric).flatMap(alarmStreams));
    for (const stream of streams) {
      if (!covered.has(stream.id)) issues.push({ path: `Resources.${stream.id}`, message: `no ${metric} alarm` });
    }
  }
  if (reading('BlockedRequests').length === 0) issues.push({ path: 'Resources', message: 'no WAF blocked-rate alarm' });
  const cognito = reading('CognitoThrottles');
  const filters = resourcesOfType(template, 'AWS::Logs::MetricFilter').filter((filter) =>
    String(filter.properties.FilterPattern).includes('TooManyRequestsException'),
  );
  if (cognito.length === 0 || filters.length === 0) {
    issues.push({ path: 'Resources', message: 'no Cognito throttles alarm (with its CloudTrail metric filter)' });
  }
  return issues;
}
