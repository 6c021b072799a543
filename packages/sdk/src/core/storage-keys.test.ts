import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cognitoIdentityKey, storageKey } from './storage-keys.js';

describe('storage keys', () => {
  it('keep the names earlier visits stored under (changing one strands entries on devices)', () => {
    assert.deepEqual(
      [
        storageKey('sb'),
        storageKey('sb', 'entry', ''),
        storageKey('sb', 'entry', 'id-1'),
        storageKey('sb', 'send'),
        storageKey('sb', 'unsent-form'),
        storageKey('sb', 'identity-pool'),
        storageKey('sb', 'ineligible'),
        storageKey('identity'),
        storageKey('identity', ''),
        storageKey('probe'),
        cognitoIdentityKey('us-east-1:pool'),
        cognitoIdentityKey('us-west-2:pool'),
      ],
      [
        'campaign-entry:v1:sb',
        'campaign-entry:v1:sb:entry:',
        'campaign-entry:v1:sb:entry:id-1',
        'campaign-entry:v1:sb:send',
        'campaign-entry:v1:sb:unsent-form',
        'campaign-entry:v1:sb:identity-pool',
        'campaign-entry:v1:sb:ineligible',
        'campaign-entry:v1:identity',
        'campaign-entry:v1:identity:',
        'campaign-entry:v1:probe',
        'aws:cognito-identity-credentials:us-east-1:pool:ANONYMOUS',
        'aws:cognito-identity-credentials:us-west-2:pool:ANONYMOUS',
      ],
    );
  });
});
