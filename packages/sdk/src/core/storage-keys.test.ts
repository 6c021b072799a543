import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cognitoIdentityKey,
  entryDatabaseName,
  identityDatabaseName,
  localEntryKeyPrefix,
  localIdentityKeyPrefix,
  localStorageProbeKey,
  sendLockName,
  tabChannelName,
  unsentFormKey,
} from './storage-keys.js';

describe('storage keys', () => {
  it('keep the names earlier visits stored under (changing one strands entries on devices)', () => {
    assert.deepEqual(
      [
        entryDatabaseName('sb'),
        localEntryKeyPrefix('sb'),
        localStorageProbeKey(),
        identityDatabaseName(),
        localIdentityKeyPrefix(),
        tabChannelName('sb'),
        sendLockName('sb'),
        unsentFormKey('sb'),
        cognitoIdentityKey('us-east-1:pool'),
      ],
      [
        'campaign-entry:v1:sb',
        'campaign-entry:v1:sb:entry:',
        'campaign-entry:v1:probe',
        'campaign-entry:v1:identity',
        'campaign-entry:v1:identity:',
        'campaign-entry:v1:sb',
        'campaign-entry:v1:sb:send',
        'campaign-entry:v1:sb:unsent-form',
        'aws:cognito-identity-credentials:us-east-1:pool:ANONYMOUS',
      ],
    );
  });
});
