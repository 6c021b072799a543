import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type SignedCallOptions, signedFirehoseCall } from '../testing/signed-call.js';
import { createCredentialStore } from './credential-store.js';
import { createIdSource, createSeededRandom } from './random.js';
import { parseAuthorization, verifySignature } from './sigv4.js';

const NOW = Date.UTC(2027, 1, 14, 1, 12, 3);
const ids = createIdSource((length) => {
  const next = createSeededRandom(1);
  return Uint8Array.from({ length }, () => Math.floor(next() * 256));
});

function setup() {
  const store = createCredentialStore(ids, [{ accessKeyId: 'AKIASTATIC', secretAccessKey: 'static-secret' }]);
  const issued = store.issue('us-east-1:identity', NOW, 3_600_000);
  return { store, issued };
}

/** A Firehose call signed by `credentials` at {@link NOW} unless told otherwise. */
const signedCall = (credentials: Parameters<typeof signedFirehoseCall>[0], options: SignedCallOptions = {}) =>
  signedFirehoseCall(credentials, { at: NOW, ...options });

const context = (store: ReturnType<typeof setup>['store'], now = NOW) => ({
  now,
  region: 'us-east-1',
  service: 'firehose',
  credentials: store,
});

describe('verifySignature', () => {
  it('accepts a call signed with issued credentials, rebuilding host and content-length', async () => {
    const { store, issued } = setup();
    const verified = await verifySignature(await signedCall(issued), context(store));
    assert.equal(verified.identityId, 'us-east-1:identity');
  });

  it('accepts long-lived static keys', async () => {
    const { store } = setup();
    const request = await signedCall({ accessKeyId: 'AKIASTATIC', secretAccessKey: 'static-secret' });
    assert.equal((await verifySignature(request, context(store))).accessKeyId, 'AKIASTATIC');
  });

  it('refuses a body changed after signing', async () => {
    const { store, issued } = setup();
    const request = await signedCall(issued);
    request.body = new TextEncoder().encode('{"DeliveryStreamName":"entries-1"}');
    await assert.rejects(verifySignature(request, context(store)), { awsType: 'InvalidSignatureException' });
  });

  it('refuses a payload hash header that does not match the body', async () => {
    const { store, issued } = setup();
    const request = await signedCall(issued, { extraHeaders: { 'x-amz-content-sha256': '0'.repeat(64) } });
    await assert.rejects(verifySignature(request, context(store)), {
      awsType: 'InvalidSignatureException',
      message: /x-amz-content-sha256/,
    });
  });

  it('refuses a body changed after signing under UNSIGNED-PAYLOAD (only S3 lets a payload go unsigned)', async () => {
    const { store, issued } = setup();
    const request = await signedCall(issued, { extraHeaders: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    request.body = new TextEncoder().encode('{"DeliveryStreamName":"entries-1"}');
    await assert.rejects(verifySignature(request, context(store)), {
      awsType: 'InvalidSignatureException',
      message: /^The request signature we calculated does not match/,
    });
  });

  it('refuses a call whose SignedHeaders leave out host, as IncompleteSignatureException in AWS words', async () => {
    const { store, issued } = setup();
    const request = await signedCall(issued, { unsignedHeaders: ['host'] });
    assert.doesNotMatch(request.headers.get('authorization') ?? '', /SignedHeaders=[^,]*host/);
    await assert.rejects(verifySignature(request, context(store)), {
      awsType: 'IncompleteSignatureException',
      message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    });
  });

  it('says "Signature not yet current" for a call signed more than 5 minutes ahead', async () => {
    const { store, issued } = setup();
    const request = await signedCall(issued, { at: NOW + 6 * 60_000 });
    await assert.rejects(verifySignature(request, context(store)), {
      awsType: 'InvalidSignatureException',
      message:
        'Signature not yet current: 20270214T011803Z is still later than 20270214T011703Z (20270214T011203Z + 5 min.)',
    });
  });

  it('says "Signature expired" in AWS words for a call signed more than 5 minutes ago', async () => {
    const { store, issued } = setup();
    const request = await signedCall(issued, { at: NOW - 6 * 60_000 });
    await assert.rejects(verifySignature(request, context(store)), {
      message: 'Signature expired: 20270214T010603Z is now earlier than 20270214T010703Z (20270214T011203Z - 5 min.)',
    });
  });

  it('accepts a call signed 4 minutes off', async () => {
    const { store, issued } = setup();
    await verifySignature(await signedCall(issued, { at: NOW - 4 * 60_000 }), context(store));
  });

  it('refuses a credential scoped to another region or service', async () => {
    const { store, issued } = setup();
    await assert.rejects(verifySignature(await signedCall(issued, { region: 'eu-west-1' }), context(store)), {
      message: /scoped to a valid region, not 'eu-west-1'/,
    });
    await assert.rejects(verifySignature(await signedCall(issued, { service: 'kinesis' }), context(store)), {
      message: /scoped to correct service: 'firehose'/,
    });
  });

  it('refuses a missing or foreign session token as UnrecognizedClientException', async () => {
    const { store, issued } = setup();
    const { sessionToken: _, ...withoutToken } = issued;
    await assert.rejects(verifySignature(await signedCall(withoutToken), context(store)), {
      awsType: 'UnrecognizedClientException',
    });
  });

  it('refuses expired credentials as ExpiredTokenException', async () => {
    const { store, issued } = setup();
    const later = NOW + 3_600_000;
    await assert.rejects(verifySignature(await signedCall(issued, { at: later }), context(store, later)), {
      awsType: 'ExpiredTokenException',
    });
  });

  it('refuses a call without X-Amz-Date as IncompleteSignatureException', async () => {
    const { store, issued } = setup();
    const request = await signedCall(issued);
    request.headers.delete('x-amz-date');
    await assert.rejects(verifySignature(request, context(store)), { awsType: 'IncompleteSignatureException' });
  });
});

describe('parseAuthorization', () => {
  it('reads the credential scope, signed headers and signature', () => {
    const parts = parseAuthorization(
      'AWS4-HMAC-SHA256 Credential=AKID/20270214/us-east-1/firehose/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc',
    );
    assert.deepEqual(parts, {
      accessKeyId: 'AKID',
      scopeDate: '20270214',
      scopeRegion: 'us-east-1',
      scopeService: 'firehose',
      scopeTerminator: 'aws4_request',
      signedHeaders: ['host', 'x-amz-date'],
      signature: 'abc',
    });
  });

  it('names the missing parameters, as AWS does', () => {
    assert.throws(
      () => parseAuthorization('AWS4-HMAC-SHA256 Credential=AKID/20270214/us-east-1/firehose/aws4_request'),
      {
        awsType: 'IncompleteSignatureException',
        message: /requires 'Signature' parameter\. Authorization header requires 'SignedHeaders' parameter\./,
      },
    );
  });

  it('refuses a pair without an equal sign and an unknown algorithm', () => {
    assert.throws(() => parseAuthorization('AWS4-HMAC-SHA256 Credential'), { message: /missing equal-sign/ });
    assert.throws(() => parseAuthorization('Bearer abc'), { message: /Unsupported AWS 'algorithm': 'Bearer'/ });
  });

  it('refuses a credential without five parts', () => {
    assert.throws(() => parseAuthorization('AWS4-HMAC-SHA256 Credential=AKID, SignedHeaders=host, Signature=abc'), {
      message: /exactly 5 slash-delimited elements/,
    });
  });
});
