// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's ${…} substitution syntax, not JS.
// Broken copies for the hardening after the attack review: the circuit breaker's wiring, who may read the entries,
// the edge logs and the claims window. Each mutation must be reported by the checks.

import { type BrokenCopy, describeBrokenCopies, type Json, props } from './broken-copies.js';
import type { CfnTemplate } from './cfn-yaml.js';

const breakerStatement = (t: CfnTemplate, sid: string): Json =>
  props(t, 'CircuitBreakerRole').Policies[0].PolicyDocument.Statement.find((s: Json) => s.Sid === sid);
const keyStatement = (t: CfnTemplate, sid: string): Json =>
  props(t, 'DataKey').KeyPolicy.Statement.find((s: Json) => s.Sid === sid);
const dataDeny = (t: CfnTemplate): Json =>
  props(t, 'DataBucketPolicy').PolicyDocument.Statement.find((s: Json) => s.Sid === 'OnlyTheStackRolesReadEntries');

const BROKEN: readonly BrokenCopy[] = [
  // The circuit breaker.
  [
    'a stream without its flood alarm',
    (t) => {
      delete t.Resources.EntriesStream1FloodAlarm;
    },
    /EntriesStream1: no flood alarm \(IncomingRecords\) wired to the circuit breaker/,
  ],
  [
    'a flood alarm that only notifies (the breaker action removed)',
    (t) => {
      props(t, 'EntriesStream0FloodAlarm').AlarmActions = [{ Ref: 'AlarmTopic' }];
    },
    /EntriesStream0: no flood alarm/,
  ],
  [
    'a flood alarm watching another stream’s name',
    (t) => {
      props(t, 'EntriesStream2FloodAlarm').Metrics[0].MetricStat.Metric.Dimensions[0].Value = {
        'Fn::Sub': '${CampaignId}-${Environment}-entries-0',
      };
    },
    /EntriesStream2: no flood alarm/,
  ],
  [
    'the refused-share breaker alarm removed',
    (t) => {
      delete t.Resources.BreakerRefusedShareAlarm;
    },
    /no refused-share alarm wired to the circuit breaker/,
  ],
  [
    'no permission for alarms to invoke the breaker',
    (t) => {
      delete t.Resources.CircuitBreakerAlarmPermission;
      for (const resource of Object.values(t.Resources) as Json[]) {
        if (resource.DependsOn === 'CircuitBreakerAlarmPermission') delete resource.DependsOn;
      }
    },
    /CloudWatch alarms cannot invoke the circuit breaker/,
  ],
  [
    'anyone allowed to invoke the breaker',
    (t) => {
      props(t, 'CircuitBreakerAlarmPermission').Principal = '*';
    },
    /only CloudWatch alarms may invoke the circuit breaker/,
  ],
  [
    'the breaker allowed to change every role',
    (t) => {
      breakerStatement(t, 'PauseOrResumeGuests').Resource = '*';
    },
    /may change the guest roles only/,
  ],
  [
    'the breaker allowed to change every role of the account under /campaign-entry/ (another campaign’s)',
    (t) => {
      breakerStatement(t, 'PauseOrResumeGuests').Resource = {
        'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/campaign-entry/*',
      };
    },
    /may change the guest roles only/,
  ],
  [
    'the breaker allowed more than listing roles with its unscoped read',
    (t) => {
      breakerStatement(t, 'FindGuestRoles').Action = ['iam:ListRoles', 'iam:PutRolePolicy'];
    },
    /not "iam:PutRolePolicy"/,
  ],
  [
    'a guest role outside the guest path (the breaker would not find it)',
    (t) => {
      delete props(t, 'GuestRole').Path;
    },
    /the guest role must live under Path \/campaign-entry\/\$\{CampaignId\}-\$\{Environment\}\/guests\//,
  ],
  [
    'the breaker allowed to attach any policy (no iam:PolicyARN condition)',
    (t) => {
      delete breakerStatement(t, 'PauseOrResumeGuests').Condition;
    },
    /may attach only the deny-Firehose pause policy/,
  ],
  [
    'the breaker allowed to write inline policies',
    (t) => {
      breakerStatement(t, 'PauseOrResumeGuests').Action.push('iam:PutRolePolicy');
    },
    /not "iam:PutRolePolicy"/,
  ],
  [
    'a pause policy that allows instead of denying',
    (t) => {
      props(t, 'IntakePausePolicy').PolicyDocument.Statement[0].Effect = 'Allow';
    },
    /may attach only the deny-Firehose pause policy/,
  ],
  [
    'the breaker deployed from a bundle instead of inline code',
    (t) => {
      props(t, 'CircuitBreakerFunction').Code = { S3Bucket: 'b', S3Key: 'k' };
    },
    /inline code/,
  ],
  [
    'a retired runtime for the breaker',
    (t) => {
      props(t, 'CircuitBreakerFunction').Runtime = 'python3.7';
    },
    /supported runtime/,
  ],
  // Who can read the entries.
  [
    'kms:* back for the account root',
    (t) => {
      keyStatement(t, 'AccountAdministersTheKeyThroughIamButCannotUseIt').Action = 'kms:*';
    },
    /account root must not be allowed kms:\*/,
  ],
  [
    'kms:Decrypt for any role of the account',
    (t) => {
      keyStatement(t, 'StackRolesUseTheKeyThroughS3').Condition.ArnLike['aws:PrincipalArn'] = 'arn:aws:iam::*:role/*';
    },
    /account root must not be allowed kms:Decrypt/,
  ],
  [
    'kms:Decrypt for the key administrators',
    (t) => {
      keyStatement(t, 'NamedAdministratorsManageTheKey').Action.push('kms:Decrypt');
    },
    /administrators must not use it/,
  ],
  [
    'no named key administrators',
    (t) => {
      const policy = props(t, 'DataKey').KeyPolicy;
      policy.Statement = policy.Statement.filter((s: Json) => s.Sid !== 'NamedAdministratorsManageTheKey');
    },
    /must name its administrators/,
  ],
  [
    'the data bucket’s read restriction removed',
    (t) => {
      const document = props(t, 'DataBucketPolicy').PolicyDocument;
      document.Statement = document.Statement.filter((s: Json) => s.Sid !== 'OnlyTheStackRolesReadEntries');
    },
    /must deny s3:GetObject to every principal but this stack's roles/,
  ],
  [
    'the read restriction exempting every role of the account',
    (t) => {
      dataDeny(t).Condition.ArnNotEquals['aws:PrincipalArn'].push('arn:aws:iam::111122223333:role/admin');
    },
    /must deny s3:GetObject to every principal but this stack's roles/,
  ],
  // Edge logs, errors and the claims window.
  [
    'CloudFront logs not delivered',
    (t) => {
      delete t.Resources.DistributionLogDelivery;
    },
    /CloudFront access logs are not delivered anywhere/,
  ],
  [
    'WAF logging removed',
    (t) => {
      delete t.Resources.WafLogging;
    },
    /WAF logging is off/,
  ],
  [
    'WAF logs kept forever',
    (t) => {
      delete props(t, 'WafLogGroup').RetentionInDays;
    },
    /WAF logs \(client IPs\) need a retention period/,
  ],
  [
    'no Glue table over errors/',
    (t) => {
      delete t.Resources.ErrorsTable;
    },
    /no Glue table over errors\//,
  ],
  [
    'entries moved to Glacier at day 30, inside the claims window',
    (t) => {
      props(t, 'DataBucket').LifecycleConfiguration.Rules[0].Transitions[0].TransitionInDays = 30;
    },
    /may leave S3 Standard only after the claims window/,
  ],
  [
    'retention shorter than the claims window plus Glacier’s minimum',
    (t) => {
      (t.Parameters as Json).RetentionDays.Default = 120;
    },
    /RetentionDays must default to at least ClaimsWindowDays \+ 90/,
  ],
];

describeBrokenCopies('a broken copy of the hardened template fails the checks', BROKEN);
