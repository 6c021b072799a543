// The endpoints AWS JSON calls go to: for every region AWS lists, in every partition, what the AWS SDK's own endpoint
// rules for Cognito Identity and Firehose give (the clients are dev dependencies, here only to be compared with).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { FirehoseClient } from '@aws-sdk/client-firehose';
import { awsEndpoint, dnsSuffix } from './aws-json.js';

/** Every partition's regions, from the AWS SDK's partition data. */
function partitions(): { id: string; dnsSuffix: string; regions: string[] }[] {
  const require = createRequire(import.meta.url);
  const file = join(
    dirname(require.resolve('@aws-sdk/core/package.json')),
    'dist-es/submodules/client/util-endpoints/lib/aws/partitions.js',
  );
  const source = readFileSync(file, 'utf8');
  const info = JSON.parse(source.slice(source.indexOf('{')).trim().replace(/;$/u, '')) as {
    partitions: { id: string; outputs: { dnsSuffix: string }; regions: Record<string, unknown> }[];
  };
  return info.partitions.map(({ id, outputs, regions }) => ({
    id,
    dnsSuffix: outputs.dnsSuffix,
    regions: Object.keys(regions).filter((region) => !region.endsWith('-global')),
  }));
}

describe('AWS endpoints', () => {
  it('gives every listed region its partition’s DNS suffix', () => {
    const all = partitions();
    assert.ok(all.length >= 6 && all.every(({ regions }) => regions.length > 0), 'the partition data was read');
    for (const partition of all) {
      for (const region of partition.regions) assert.equal(dnsSuffix(region), partition.dnsSuffix, region);
    }
  });

  it('asks Cognito Identity and Firehose where the AWS SDK’s own endpoint rules say', () => {
    const rules = {
      'cognito-identity': new CognitoIdentityClient({ region: 'us-east-1' }).config.endpointProvider,
      firehose: new FirehoseClient({ region: 'us-east-1' }).config.endpointProvider,
    } as const;
    for (const { regions } of partitions()) {
      for (const region of regions) {
        for (const [service, provider] of Object.entries(rules)) {
          const expected = provider({ Region: region, UseFIPS: false, UseDualStack: false }).url.href;
          assert.equal(
            new URL(awsEndpoint(service as keyof typeof rules, region)).href,
            expected,
            `${service} ${region}`,
          );
        }
      }
    }
  });
});
