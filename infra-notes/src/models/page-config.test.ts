import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pageConfigFromOutputs } from './page-config.js';

const outputs = [
  { OutputKey: 'Region', OutputValue: 'us-east-1' },
  { OutputKey: 'IdentityPoolId', OutputValue: 'us-east-1:00000000-0000-4000-8000-000000000000' },
  { OutputKey: 'CampaignId', OutputValue: 'loungebeer-sb' },
  { OutputKey: 'DeliveryStreamNamePrefix', OutputValue: 'loungebeer-sb-prod-entries-' },
  { OutputKey: 'DeliveryStreamIndexes', OutputValue: '0,1,2' },
];

describe('pageConfigFromOutputs', () => {
  test('builds the page config, stream names included, from describe-stacks outputs', () => {
    assert.deepEqual(pageConfigFromOutputs(outputs), {
      region: 'us-east-1',
      identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000',
      deliveryStreams: ['loungebeer-sb-prod-entries-0', 'loungebeer-sb-prod-entries-1', 'loungebeer-sb-prod-entries-2'],
      campaignId: 'loungebeer-sb',
    });
  });

  test('says which output is missing when given another stack’s outputs', () => {
    assert.throws(() => pageConfigFromOutputs({ Region: 'us-east-1' }), /no output IdentityPoolId/);
  });
});
