// The edge keeps its logs, for a known time: CloudFront access logs (standard logging v2 into an expiring bucket
// prefix, or the legacy Logging setting) and WAF logs in an aws-waf-logs- log group with a retention period. The
// data stays readable by Athena (S3 Standard) through the draw and the claims window, and refused records have a
// Glue table of their own, so the draw and the claims can read both.
import type { CfnTemplate } from '../cfn-yaml.js';
import type { TemplateIssue } from '../template-issue.js';
import { asList, get, literalText, mentions, referencedId, resourcesOfType } from '../template-model.js';

/** Glacier bills at least this many days of storage. */
export const GLACIER_MINIMUM_DAYS = 90;

/** Checks CloudFront and WAF logging, the errors table and the data lifecycle against the claims window. */
export function checkLogsAndRetention(template: CfnTemplate): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const logGroups = new Map(resourcesOfType(template, 'AWS::Logs::LogGroup').map((group) => [group.id, group]));

  for (const distribution of resourcesOfType(template, 'AWS::CloudFront::Distribution')) {
    const legacy = get(distribution.properties, 'DistributionConfig', 'Logging', 'Bucket') !== undefined;
    const sources = resourcesOfType(template, 'AWS::Logs::DeliverySource').filter(
      (source) =>
        mentions(source.properties.ResourceArn, distribution.id) && source.properties.LogType === 'ACCESS_LOGS',
    );
    const delivered = resourcesOfType(template, 'AWS::Logs::Delivery').some((delivery) => {
      if (!sources.some((source) => referencedId(delivery.properties.DeliverySourceName) === source.id)) return false;
      const destination = template.Resources[referencedId(delivery.properties.DeliveryDestinationArn) ?? ''];
      return destination?.Type === 'AWS::Logs::DeliveryDestination';
    });
    if (!legacy && !delivered) {
      issues.push({
        path: `Resources.${distribution.id}`,
        message: 'CloudFront access logs are not delivered anywhere',
      });
    }
  }

  for (const acl of resourcesOfType(template, 'AWS::WAFv2::WebACL')) {
    const logging = resourcesOfType(template, 'AWS::WAFv2::LoggingConfiguration').filter(
      (config) => referencedId(config.properties.ResourceArn) === acl.id,
    );
    if (logging.length === 0) {
      issues.push({ path: `Resources.${acl.id}`, message: 'WAF logging is off (no LoggingConfiguration)' });
      continue;
    }
    for (const config of logging) {
      for (const destination of asList(config.properties.LogDestinationConfigs)) {
        const group = [...logGroups.values()].find((candidate) => mentions(destination, candidate.id));
        const name = literalText(group?.properties.LogGroupName);
        if (!group || !name?.startsWith('aws-waf-logs-')) {
          issues.push({
            path: `Resources.${config.id}`,
            message: 'WAF logs go to an aws-waf-logs- log group of this stack',
          });
        } else if (group.properties.RetentionInDays === undefined) {
          issues.push({ path: `Resources.${group.id}`, message: 'WAF logs (client IPs) need a retention period' });
        }
      }
    }
  }

  const tables = resourcesOfType(template, 'AWS::Glue::Table');
  const errorsTable = tables.some((table) =>
    literalText(get(table.properties, 'TableInput', 'StorageDescriptor', 'Location'))?.endsWith('/errors/'),
  );
  if (!errorsTable) issues.push({ path: 'Resources', message: 'no Glue table over errors/ (refused records)' });

  const parameters = template.Parameters ?? {};
  const claims = Number(parameters.ClaimsWindowDays?.Default);
  const retention = Number(parameters.RetentionDays?.Default);
  if (!(claims > 0))
    issues.push({ path: 'Parameters', message: 'a ClaimsWindowDays parameter with a default is needed' });
  else if (!(retention >= claims + GLACIER_MINIMUM_DAYS)) {
    issues.push({
      path: 'Parameters.RetentionDays',
      message: `RetentionDays must default to at least ClaimsWindowDays + ${GLACIER_MINIMUM_DAYS}`,
    });
  }
  for (const bucket of resourcesOfType(template, 'AWS::S3::Bucket')) {
    const isDataBucket = tables.some((table) =>
      mentions(get(table.properties, 'TableInput', 'StorageDescriptor', 'Location'), bucket.id),
    );
    if (!isDataBucket) continue;
    for (const rule of asList(get(bucket.properties, 'LifecycleConfiguration', 'Rules'))) {
      for (const transition of asList(get(rule, 'Transitions'))) {
        const days = get(transition, 'TransitionInDays');
        if (referencedId(days) !== 'ClaimsWindowDays' && !(Number(days) >= claims)) {
          issues.push({
            path: `Resources.${bucket.id}.Properties.LifecycleConfiguration`,
            message: 'entries may leave S3 Standard only after the claims window (TransitionInDays: ClaimsWindowDays)',
          });
        }
      }
    }
  }
  return issues;
}
