// Guest credentials without the AWS SDK's Cognito client: the identity kept on the device, and failures in the shape
// the AWS SDK gives them (what classify.ts reads), against the emulator's Node server.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { type RunningEmulator, startEmulator } from '@campaign-entry/emulator/server';
import { classifyFailure } from '../core/classify.js';
import { ErrorCode } from '../core/errors/error-code.js';
import { cognitoIdentityKey } from '../core/storage-keys.js';
import { cognitoGuestCredentials } from './cognito-identity.js';
import { createMemoryKeyValueStore } from './memory-store.js';

const POOL = 'us-east-2:00000000-0000-4000-8000-000000000002';
const CLOSED = 'us-east-2:00000000-0000-4000-8000-00000000000c';

let running: RunningEmulator;

describe('Cognito guest credentials', () => {
  before(async () => {
    running = await startEmulator({
      pools: [
        { id: POOL, region: 'us-east-2' },
        { id: CLOSED, region: 'us-east-2', allowUnauthenticated: false },
      ],
      tickIntervalMs: 60_000,
    });
  });
  after(() => running.close());

  it('gets an identity once, keeps it on the device, and then only asks for credentials', async () => {
    const store = createMemoryKeyValueStore();
    const credentials = cognitoGuestCredentials({ identityPoolId: POOL, endpoint: running.url, store });
    const getIds = running.emulator.stats().cognito.getId;
    const first = await credentials();
    const identity = await store.getItem(cognitoIdentityKey(POOL));
    assert.match(identity ?? '', /^us-east-2:/u);
    assert.ok(first.accessKeyId && first.secretAccessKey && first.sessionToken);
    assert.ok((first.expiration?.getTime() ?? 0) > Date.now(), 'expires in the future, read from epoch seconds');
    await credentials();
    assert.equal(running.emulator.stats().cognito.getId, getIds + 1, 'one GetId for two fetches');
    assert.equal(await store.getItem(cognitoIdentityKey(POOL)), identity);
  });

  it('throws Cognito’s refusals as the AWS SDK does: the error type as name, the status and headers beside it', async () => {
    const store = createMemoryKeyValueStore();
    const credentials = cognitoGuestCredentials({ identityPoolId: CLOSED, endpoint: running.url, store });
    const error = await credentials().then(
      () => assert.fail('a pool without guests gave credentials'),
      (caught: unknown) => caught as Error & { $metadata: { httpStatusCode: number }; $response: { headers: object } },
    );
    assert.equal(error.name, 'NotAuthorizedException');
    assert.match(error.message, /Unauthenticated access/u);
    assert.equal(error.$metadata.httpStatusCode, 400);
    assert.ok('date' in error.$response.headers, 'the answer’s headers, names in lower case');
    assert.equal(classifyFailure(error).code, ErrorCode.IdentityPoolInvalid);
  });

  it('keeps the stored identity when Cognito throttles, and classifies the refusal as throttling', async () => {
    const store = createMemoryKeyValueStore();
    const credentials = cognitoGuestCredentials({ identityPoolId: POOL, endpoint: running.url, store });
    await credentials();
    const identity = await store.getItem(cognitoIdentityKey(POOL));
    running.emulator.setQuotas({ getCredentialsPerSecond: 0 });
    try {
      await assert.rejects(credentials(), (error: Error) => {
        assert.equal(error.name, 'TooManyRequestsException');
        assert.equal(classifyFailure(error).code, ErrorCode.Throttled);
        return true;
      });
      assert.equal(await store.getItem(cognitoIdentityKey(POOL)), identity);
    } finally {
      running.emulator.setQuotas({ getCredentialsPerSecond: false });
    }
  });

  it('treats an answer without credentials as a service failure, and an HTML error page by its status', async () => {
    const answers = [
      { status: 200, body: '{"IdentityId":"us-east-2:x"}' }, // GetId
      { status: 200, body: '{"IdentityId":"us-east-2:x"}' },
      { status: 200, body: '{"Credentials":{"AccessKeyId":"AKIA"}}' },
      { status: 502, body: '<html>Bad gateway</html>' },
    ];
    const server = createServer((_request, response) => {
      const answer = answers.shift() ?? { status: 500, body: '' };
      response.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const store = createMemoryKeyValueStore();
      const credentials = cognitoGuestCredentials({ identityPoolId: POOL, endpoint, store });
      await assert.rejects(credentials(), { name: 'InternalFailure', message: 'Cognito answered no access key id' });
      await assert.rejects(credentials(), { name: 'InternalFailure', message: 'Cognito answered no secret key' });
      await assert.rejects(credentials(), (error: Error) => {
        assert.equal(classifyFailure(error).code, ErrorCode.ServiceError);
        return true;
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
