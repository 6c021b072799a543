// Where the personal data rests and moves: every bucket private, encrypted and TLS-only; the entries bucket under the
// customer-managed key with versioning, access logs and a Glacier-then-expire lifecycle; every stream GZIP + KMS.
import { type CfnTemplate, type CfnValue, isObject } from '../cfn-yaml.js';
import type { TemplateIssue } from '../template-issue.js';
import {
  asList,
  get,
  isEveryone,
  literalText,
  mentions,
  type NamedResource,
  referencedId,
  resourcesOfType,
  statements,
} from '../template-model.js';

const PUBLIC_ACCESS_BLOCKS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];

/** Checks buckets, their policies, KMS keys, delivery streams and the Athena workgroup. */
export function checkStorage(template: CfnTemplate): TemplateIssue[] {
  const buckets = resourcesOfType(template, 'AWS::S3::Bucket');
  const policies = resourcesOfType(template, 'AWS::S3::BucketPolicy');
  const keys = new Set(resourcesOfType(template, 'AWS::KMS::Key').map((key) => key.id));
  const streams = resourcesOfType(template, 'AWS::KinesisFirehose::DeliveryStream');
  const issues: TemplateIssue[] = [];

  for (const bucket of buckets) issues.push(...checkBucket(bucket, policies));
  for (const policy of policies) {
    const bucket = buckets.find((candidate) => candidate.id === referencedId(policy.properties.Bucket));
    if (bucket?.resource.DeletionPolicy === 'Retain' && policy.resource.DeletionPolicy !== 'Retain') {
      issues.push({ path: `Resources.${policy.id}`, message: `${bucket.id} is retained, so its policy must be too` });
    }
  }
  for (const policy of policies) {
    for (const statement of statements(policy.properties.PolicyDocument)) {
      if (statement.Effect === 'Allow' && isEveryone(statement.Principal)) {
        issues.push({
          path: `Resources.${policy.id}`,
          message: 'a bucket policy must not allow everyone (public bucket)',
        });
      }
    }
  }
  for (const key of resourcesOfType(template, 'AWS::KMS::Key')) {
    const path = `Resources.${key.id}.Properties`;
    if (key.properties.EnableKeyRotation !== true) issues.push({ path, message: 'KMS key rotation must be on' });
    for (const statement of statements(key.properties.KeyPolicy)) {
      if (statement.Effect === 'Allow' && isEveryone(statement.Principal)) {
        issues.push({ path, message: 'the key policy must not allow everyone' });
      }
    }
  }

  if (streams.length === 0) issues.push({ path: 'Resources', message: 'no Firehose delivery streams' });
  const dataBucketIds = new Set<string>();
  for (const stream of streams) {
    const path = `Resources.${stream.id}.Properties`;
    const s3 = stream.properties.ExtendedS3DestinationConfiguration;
    const bucketId = referencedId(get(s3, 'BucketARN'));
    if (bucketId) dataBucketIds.add(bucketId);
    const fail = (message: string) => issues.push({ path, message });
    if (stream.properties.DeliveryStreamType !== 'DirectPut') fail('streams must be Direct PUT');
    if (get(stream.properties, 'DeliveryStreamEncryptionConfigurationInput', 'KeyType') !== 'CUSTOMER_MANAGED_CMK') {
      fail('stream server-side encryption must use the customer-managed key');
    }
    if (!s3) {
      fail('streams must deliver through ExtendedS3DestinationConfiguration');
      continue;
    }
    if (get(s3, 'CompressionFormat') !== 'GZIP') fail('delivered files must be GZIP');
    if (!keys.has(referencedId(get(s3, 'EncryptionConfiguration', 'KMSEncryptionConfig', 'AWSKMSKeyARN')) ?? '')) {
      fail("delivered objects must be encrypted with the stack's KMS key");
    }
    if (get(s3, 'Prefix') !== 'entries/') fail('the S3 prefix must be entries/ (Firehose then adds YYYY/MM/DD/HH/)');
    const errorPrefix = literalText(get(s3, 'ErrorOutputPrefix'));
    if (!errorPrefix || errorPrefix.startsWith('entries/')) fail('an error output prefix outside entries/ is needed');
    if (!isObject(get(s3, 'BufferingHints'))) fail('buffering hints must be set');
    if (get(s3, 'CloudWatchLoggingOptions', 'Enabled') !== true) fail('CloudWatch error logging must be on');
  }

  for (const bucketId of dataBucketIds) {
    const bucket = buckets.find((candidate) => candidate.id === bucketId);
    if (!bucket) {
      issues.push({ path: 'Resources', message: `streams deliver to ${bucketId}, which is not a bucket here` });
      continue;
    }
    issues.push(...checkDataBucket(bucket, keys));
  }

  for (const workGroup of resourcesOfType(template, 'AWS::Athena::WorkGroup')) {
    const path = `Resources.${workGroup.id}.Properties`;
    const configuration = workGroup.properties.WorkGroupConfiguration;
    const option = get(configuration, 'ResultConfiguration', 'EncryptionConfiguration', 'EncryptionOption');
    if (option !== 'SSE_KMS' && option !== 'CSE_KMS')
      issues.push({ path, message: 'Athena results must be KMS-encrypted' });
    if (get(configuration, 'EnforceWorkGroupConfiguration') !== true) {
      issues.push({ path, message: 'the workgroup settings (encryption) must be enforced on every query' });
    }
  }
  return issues;
}

function checkBucket(bucket: NamedResource, policies: readonly NamedResource[]): TemplateIssue[] {
  const path = `Resources.${bucket.id}.Properties`;
  const issues: TemplateIssue[] = [];
  const rules = asList(get(bucket.properties, 'BucketEncryption', 'ServerSideEncryptionConfiguration'));
  const algorithms = rules.map((rule) => get(rule, 'ServerSideEncryptionByDefault', 'SSEAlgorithm'));
  if (algorithms.length === 0 || !algorithms.every((a) => a === 'AES256' || a === 'aws:kms' || a === 'aws:kms:dsse')) {
    issues.push({ path, message: 'default encryption must be on' });
  }
  const block = bucket.properties.PublicAccessBlockConfiguration;
  if (!PUBLIC_ACCESS_BLOCKS.every((setting) => get(block, setting) === true)) {
    issues.push({ path, message: 'all four public access blocks must be on' });
  }
  if (
    !asList(get(bucket.properties, 'OwnershipControls', 'Rules')).some(
      (r) => get(r, 'ObjectOwnership') === 'BucketOwnerEnforced',
    )
  ) {
    issues.push({ path, message: 'ACLs must be disabled (BucketOwnerEnforced)' });
  }
  if ('AccessControl' in bucket.properties || 'WebsiteConfiguration' in bucket.properties) {
    issues.push({ path, message: 'no canned ACL and no website hosting (the page is served through CloudFront)' });
  }
  const tlsOnly = policies.some(
    (policy) =>
      referencedId(policy.properties.Bucket) === bucket.id &&
      statements(policy.properties.PolicyDocument).some(
        (statement) =>
          statement.Effect === 'Deny' &&
          isEveryone(statement.Principal) &&
          asList(statement.Action).some((action) => action === 's3:*') &&
          String(get(statement, 'Condition', 'Bool', 'aws:SecureTransport')) === 'false' &&
          coversBucketAndObjects(statement.Resource, bucket.id),
      ),
  );
  if (!tlsOnly) issues.push({ path, message: 'a bucket policy must deny every request without TLS' });
  return issues;
}

function coversBucketAndObjects(resource: CfnValue | undefined, bucketId: string): boolean {
  const resources = asList(resource);
  const bucket = resources.some((r) => referencedId(r) === bucketId);
  const objects = resources.some((r) => mentions(r, bucketId) && literalText(r)?.endsWith('/*'));
  return bucket && objects;
}

function checkDataBucket(bucket: NamedResource, keys: ReadonlySet<string>): TemplateIssue[] {
  const path = `Resources.${bucket.id}.Properties`;
  const issues: TemplateIssue[] = [];
  const fail = (message: string) => issues.push({ path, message });
  const encryption = asList(get(bucket.properties, 'BucketEncryption', 'ServerSideEncryptionConfiguration'))[0];
  if (get(encryption, 'ServerSideEncryptionByDefault', 'SSEAlgorithm') !== 'aws:kms') {
    fail('the entries bucket must default to SSE-KMS');
  }
  if (!keys.has(referencedId(get(encryption, 'ServerSideEncryptionByDefault', 'KMSMasterKeyID')) ?? '')) {
    fail("the entries bucket must use the stack's customer-managed key");
  }
  if (get(bucket.properties, 'VersioningConfiguration', 'Status') !== 'Enabled') fail('versioning must be on');
  if (!get(bucket.properties, 'LoggingConfiguration', 'DestinationBucketName'))
    fail('server access logging must be on');
  if (bucket.resource.DeletionPolicy !== 'Retain') fail('the entries bucket must survive a stack deletion (Retain)');
  const rules = asList(get(bucket.properties, 'LifecycleConfiguration', 'Rules')).filter(
    (rule) => get(rule, 'Status') === 'Enabled' && !get(rule, 'Prefix') && !get(rule, 'Filter'),
  );
  const toGlacier = rules.some((rule) =>
    asList(get(rule, 'Transitions')).some((t) => ['GLACIER', 'DEEP_ARCHIVE'].includes(String(get(t, 'StorageClass')))),
  );
  if (!toGlacier) fail('a whole-bucket lifecycle rule must move entries to Glacier');
  if (!rules.some((rule) => get(rule, 'ExpirationInDays') !== undefined)) fail('entries must expire (retention)');
  if (!rules.some((rule) => get(rule, 'NoncurrentVersionExpiration') !== undefined)) {
    fail('old versions must expire too, or deleted entries live on');
  }
  return issues;
}
