// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's ${…} substitution syntax, not JS.
// Deliberately broken copies of the template: each must be caught, by the specification check or by a security
// invariant. If one of these passes, the checks have stopped protecting anything.

import { type BrokenCopy, describeBrokenCopies, type Json, props } from './broken-copies.js';
import type { CfnTemplate } from './cfn-yaml.js';

const guestStatement = (t: CfnTemplate): Json => props(t, 'GuestRole').Policies[0].PolicyDocument.Statement[0];
const csp = (t: CfnTemplate): Json =>
  props(t, 'SecurityHeadersPolicy').ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy;
const webAclRule = (t: CfnTemplate, name: string): Json => props(t, 'WebAcl').Rules.find((r: Json) => r.Name === name);
const dataLifecycle = (t: CfnTemplate): Json => props(t, 'DataBucket').LifecycleConfiguration.Rules[0];
const stream0 = (t: CfnTemplate): Json => props(t, 'EntriesStream0').ExtendedS3DestinationConfiguration;
const lambdaProcessor = (t: CfnTemplate): Json => stream0(t).ProcessingConfiguration.Processors[0];
const firehoseStatement = (t: CfnTemplate, sid: string): Json =>
  props(t, 'FirehoseDeliveryRole').Policies[0].PolicyDocument.Statement.find((s: Json) => s.Sid === sid);

const BROKEN: readonly BrokenCopy[] = [
  // The resource specification.
  [
    'a misspelt property',
    (t) => {
      const p = props(t, 'DataBucket');
      p.VersioningConfig = p.VersioningConfiguration;
    },
    /unknown property VersioningConfig of Bucket/,
  ],
  [
    'a wrong resource type',
    (t) => {
      (t.Resources.AlarmTopic as Json).Type = 'AWS::SNS::Topik';
    },
    /unknown resource type AWS::SNS::Topik/,
  ],
  [
    'a missing required property',
    (t) => {
      delete stream0(t).RoleARN;
    },
    /missing required property RoleARN/,
  ],
  [
    'a value of the wrong shape',
    (t) => {
      props(t, 'Trail').EventSelectors = 'All';
    },
    /EventSelectors: expected a list/,
  ],
  [
    'a value outside the allowed ones',
    (t) => {
      props(t, 'WebAcl').Scope = 'GLOBAL';
    },
    /Scope: expected one of CLOUDFRONT, REGIONAL/,
  ],
  [
    'a deep misspelling inside a property type',
    (t) => {
      stream0(t).BufferingHints.IntervalInSecs = 60;
    },
    /unknown property IntervalInSecs of BufferingHints/,
  ],
  [
    'a Ref to nothing',
    (t) => {
      props(t, 'IdentityPoolRoles').IdentityPoolId = { Ref: 'IdentityPools' };
    },
    /Ref to unknown name IdentityPools/,
  ],
  [
    'a GetAtt of an attribute the type lacks',
    (t) => {
      props(t, 'Distribution').DistributionConfig.WebACLId = { 'Fn::GetAtt': ['WebAcl', 'Name'] };
    },
    /has no attribute Name/,
  ],
  [
    'an unconditional reference to an optional resource',
    (t) => {
      props(t, 'AlarmTopic').DisplayName = { Ref: 'QuickSightDataSource' };
    },
    /exists only if QuickSightEnabled/,
  ],
  [
    'a Ref whose computed name still has something to substitute',
    (t) => {
      props(t, 'EntriesStream0ThrottledAlarm').Dimensions[0].Value = { Ref: { 'Fn::Sub': 'EntriesStream${Index}' } };
    },
    /EntriesStream0ThrottledAlarm.*Ref needs a literal name/,
  ],
  // Guests.
  [
    's3:* added to the guest role',
    (t) => {
      guestStatement(t).Action.push('s3:*');
    },
    /guests may only PutRecord\/PutRecordBatch, not "s3:\*"/,
  ],
  [
    'firehose:* instead of the two put actions',
    (t) => {
      guestStatement(t).Action = 'firehose:*';
    },
    /not "firehose:\*"/,
  ],
  [
    'the guest policy on every resource',
    (t) => {
      guestStatement(t).Resource = '*';
    },
    /must be this campaign's streams/,
  ],
  [
    'the guest policy on another campaign’s streams',
    (t) => {
      guestStatement(t).Resource = {
        'Fn::Sub': 'arn:${AWS::Partition}:firehose:${AWS::Region}:${AWS::AccountId}:deliverystream/*',
      };
    },
    /must be this campaign's streams/,
  ],
  [
    'a managed policy on the guest role',
    (t) => {
      props(t, 'GuestRole').ManagedPolicyArns = ['arn:aws:iam::aws:policy/ReadOnlyAccess'];
    },
    /no managed policies/,
  ],
  [
    'an extra policy resource on the guest role',
    (t) => {
      t.Resources.Extra = {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyName: 'x',
          Roles: [{ Ref: 'GuestRole' }],
          PolicyDocument: { Version: '2012-10-17', Statement: [] },
        },
      };
    },
    /no extra policy may attach/,
  ],
  [
    'a trust policy without the unauthenticated amr',
    (t) => {
      delete props(t, 'GuestRole').AssumeRolePolicyDocument.Statement[0].Condition['ForAnyValue:StringLike'];
    },
    /only unauthenticated identities/,
  ],
  [
    'the classic flow enabled',
    (t) => {
      props(t, 'IdentityPool').AllowClassicFlow = true;
    },
    /classic \(basic\) flow must be explicitly off/,
  ],
  [
    'an authenticated role mapping',
    (t) => {
      props(t, 'IdentityPoolRoles').Roles.authenticated = { 'Fn::GetAtt': ['GuestRole', 'Arn'] };
    },
    /no authenticated role/,
  ],
  // Server-side checks: the transformation Lambda.
  [
    'lambda:InvokeFunction on the guest role (anyone could call the transform directly)',
    (t) => {
      guestStatement(t).Action.push('lambda:InvokeFunction');
    },
    /guests may only PutRecord\/PutRecordBatch, not "lambda:InvokeFunction"/,
  ],
  [
    'a stream without ProcessingConfiguration (records reach entries/ unchecked)',
    (t) => {
      delete props(t, 'EntriesStream1').ExtendedS3DestinationConfiguration.ProcessingConfiguration;
    },
    /EntriesStream1.*every stream must run its records through the transformation Lambda/,
  ],
  [
    'processing switched off on a stream',
    (t) => {
      stream0(t).ProcessingConfiguration.Enabled = false;
    },
    /EntriesStream0.*every stream must run its records through the transformation Lambda/,
  ],
  [
    'the processor pointed at some other function',
    (t) => {
      lambdaProcessor(t).Parameters[0].ParameterValue = 'arn:aws:lambda:us-east-1:111122223333:function:other';
    },
    /LambdaArn must be this stack's transformation function/,
  ],
  [
    'a 3 MB processor buffer (the answer could pass Lambda’s 6 MB response limit)',
    (t) => {
      lambdaProcessor(t).Parameters[1].ParameterValue = '3';
    },
    /BufferSizeInMBs must be at most 2/,
  ],
  [
    'no retries of a failed invocation',
    (t) => {
      lambdaProcessor(t).Parameters[3].ParameterValue = '0';
    },
    /must be retried/,
  ],
  [
    'the transform allowed to read the data bucket',
    (t) => {
      props(t, 'TransformRole').Policies[0].PolicyDocument.Statement.push({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: { 'Fn::Sub': '${DataBucket.Arn}/*' },
      });
    },
    /may only write its logs, not "s3:GetObject"/,
  ],
  [
    'Firehose’s role allowed to invoke every function',
    (t) => {
      firehoseStatement(t, 'InvokeTransform').Resource = '*';
    },
    /may invoke the transform only, not every function/,
  ],
  [
    'Firehose’s role without the invoke permission',
    (t) => {
      const statements = props(t, 'FirehoseDeliveryRole').Policies[0].PolicyDocument.Statement;
      props(t, 'FirehoseDeliveryRole').Policies[0].PolicyDocument.Statement = statements.filter(
        (s: Json) => s.Sid !== 'InvokeTransform',
      );
    },
    /must be allowed lambda:InvokeFunction and lambda:GetFunctionConfiguration on TransformFunction/,
  ],
  [
    'a resource policy letting anyone invoke the transform',
    (t) => {
      t.Resources.OpenTransform = {
        Type: 'AWS::Lambda::Permission',
        Properties: { Action: 'lambda:InvokeFunction', FunctionName: { Ref: 'TransformFunction' }, Principal: '*' },
      };
    },
    /no AWS::Lambda::Permission may expose the transform/,
  ],
  [
    'no reserved concurrency',
    (t) => {
      delete props(t, 'TransformFunction').ReservedConcurrentExecutions;
    },
    /needs reserved concurrency/,
  ],
  [
    'another runtime than the bundle’s',
    (t) => {
      props(t, 'TransformFunction').Runtime = 'python3.12';
    },
    /nodejs20.x or nodejs22.x/,
  ],
  [
    'the campaign id not passed to the transform',
    (t) => {
      props(t, 'TransformFunction').Environment.Variables.CAMPAIGN_ID = 'some-campaign';
    },
    /CAMPAIGN_ID must be the stack's CampaignId/,
  ],
  [
    'the transform errors alarm removed',
    (t) => {
      delete t.Resources.TransformErrorsAlarm;
    },
    /no Lambda Errors alarm on the transform/,
  ],
  [
    'the refused-share alarm removed',
    (t) => {
      delete t.Resources.TransformRefusedShareAlarm;
    },
    /no alarm on the share of refused records/,
  ],
  [
    'a stream without its transform invocations alarm',
    (t) => {
      delete t.Resources.EntriesStream2TransformAlarm;
    },
    /EntriesStream2: no ExecuteProcessing.Success alarm/,
  ],
  // Buckets, keys and streams.
  [
    'encryption dropped from the data bucket',
    (t) => {
      delete props(t, 'DataBucket').BucketEncryption;
    },
    /DataBucket.*default encryption must be on/,
  ],
  [
    'the data bucket on SSE-S3 instead of the customer-managed key',
    (t) => {
      props(t, 'DataBucket').BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault = {
        SSEAlgorithm: 'AES256',
      };
    },
    /must default to SSE-KMS/,
  ],
  [
    'a public bucket (public access block off)',
    (t) => {
      props(t, 'SiteBucket').PublicAccessBlockConfiguration.RestrictPublicBuckets = false;
    },
    /SiteBucket.*public access blocks/,
  ],
  [
    'a bucket policy allowing everyone',
    (t) => {
      props(t, 'SiteBucketPolicy').PolicyDocument.Statement[1].Principal = '*';
    },
    /must not allow everyone/,
  ],
  [
    'the TLS-only statement removed',
    (t) => {
      props(t, 'AthenaResultsBucketPolicy').PolicyDocument.Statement = [];
    },
    /AthenaResultsBucket.*deny every request without TLS/,
  ],
  [
    'no expiry on entries',
    (t) => {
      delete dataLifecycle(t).ExpirationInDays;
    },
    /entries must expire/,
  ],
  [
    'no move to Glacier',
    (t) => {
      delete dataLifecycle(t).Transitions;
    },
    /move entries to Glacier/,
  ],
  [
    'the lifecycle narrowed to one prefix',
    (t) => {
      dataLifecycle(t).Prefix = 'entries/2026/';
    },
    /whole-bucket lifecycle rule/,
  ],
  [
    'versioning suspended on the data bucket',
    (t) => {
      props(t, 'DataBucket').VersioningConfiguration.Status = 'Suspended';
    },
    /versioning must be on/,
  ],
  [
    'the data bucket’s policy deleted with the stack',
    (t) => {
      delete (t.Resources.DataBucketPolicy as Json).DeletionPolicy;
    },
    /DataBucket is retained, so its policy must be too/,
  ],
  [
    'access logging removed from the data bucket',
    (t) => {
      delete props(t, 'DataBucket').LoggingConfiguration;
    },
    /server access logging must be on/,
  ],
  [
    'key rotation off',
    (t) => {
      props(t, 'DataKey').EnableKeyRotation = false;
    },
    /rotation must be on/,
  ],
  [
    'a stream delivering uncompressed',
    (t) => {
      stream0(t).CompressionFormat = 'UNCOMPRESSED';
    },
    /EntriesStream0.*must be GZIP/,
  ],
  [
    'a stream without the KMS key',
    (t) => {
      delete stream0(t).EncryptionConfiguration;
    },
    /EntriesStream0.*encrypted with the stack's KMS key/,
  ],
  [
    'a stream writing outside entries/',
    (t) => {
      stream0(t).Prefix = 'data/';
    },
    /must be entries\//,
  ],
  [
    'Athena results unencrypted',
    (t) => {
      delete props(t, 'AthenaWorkGroup').WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration;
    },
    /results must be KMS-encrypted/,
  ],
  // The edge.
  [
    'the common rule set removed from WAF',
    (t) => {
      props(t, 'WebAcl').Rules.splice(0, 1);
    },
    /AWSManagedRulesCommonRuleSet is missing/,
  ],
  [
    'known bad inputs only counted',
    (t) => {
      webAclRule(t, 'aws-known-bad-inputs').OverrideAction = { Count: {} };
    },
    /must block/,
  ],
  [
    'the rate rule removed',
    (t) => {
      props(t, 'WebAcl').Rules = props(t, 'WebAcl').Rules.filter((r: Json) => !r.Statement.RateBasedStatement);
    },
    /rate-based rule is missing/,
  ],
  [
    'plain HTTP allowed',
    (t) => {
      props(t, 'Distribution').DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy = 'allow-all';
    },
    /HTTPS-only/,
  ],
  [
    'HTTP/3 off',
    (t) => {
      props(t, 'Distribution').DistributionConfig.HttpVersion = 'http2';
    },
    /http2and3/,
  ],
  [
    'the distribution without WAF',
    (t) => {
      delete props(t, 'Distribution').DistributionConfig.WebACLId;
    },
    /needs the web ACL/,
  ],
  [
    "'unsafe-inline' in the CSP",
    (t) => {
      csp(t).ContentSecurityPolicy['Fn::Sub'] += "; style-src 'self' 'unsafe-inline'";
    },
    /unsafe-inline/,
  ],
  [
    'the Firehose endpoint missing from connect-src',
    (t) => {
      csp(t).ContentSecurityPolicy['Fn::Sub'] = csp(t).ContentSecurityPolicy['Fn::Sub'].replace(
        /https:\/\/firehose\S*/,
        '',
      );
    },
    /CSP connect-src/,
  ],
  [
    'the us-east-1 rule removed',
    (t) => {
      delete (t.Rules as Json).DeployInUsEast1;
    },
    /pin the stack to us-east-1/,
  ],
  // Operations.
  [
    'a single-region trail',
    (t) => {
      props(t, 'Trail').IsMultiRegionTrail = false;
    },
    /multi-region/,
  ],
  [
    'log file validation off',
    (t) => {
      props(t, 'Trail').EnableLogFileValidation = false;
    },
    /log file validation/,
  ],
  [
    'a stream without its throttling alarm',
    (t) => {
      delete t.Resources.EntriesStream2ThrottledAlarm;
    },
    /EntriesStream2: no ThrottledRecords alarm/,
  ],
  [
    'a stream without its freshness alarm',
    (t) => {
      delete t.Resources.EntriesStream1FreshnessAlarm;
    },
    /EntriesStream1: no DeliveryToS3.DataFreshness alarm/,
  ],
  [
    'the WAF alarm removed',
    (t) => {
      delete t.Resources.WafBlockedRateAlarm;
    },
    /no WAF blocked-rate alarm/,
  ],
  [
    'the Cognito throttles alarm removed',
    (t) => {
      delete t.Resources.CognitoThrottlesAlarm;
    },
    /no Cognito throttles alarm/,
  ],
  [
    'an alarm that notifies no one',
    (t) => {
      props(t, 'WafBlockedRateAlarm').AlarmActions = [];
    },
    /must notify the SNS topic/,
  ],
  [
    'no Config recorder',
    (t) => {
      delete t.Resources.ConfigRecorder;
      delete t.Resources.ConfigRecorderRole;
      (t.Resources.ConfigRecorderReady as Json).Metadata.Recorder = 'none';
    },
    /ConfigurationRecorder is missing/,
  ],
];

describeBrokenCopies('a broken copy of the template fails the checks', BROKEN);
