import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyFailure, classifyRecordError, readServerTime } from './classify.js';

const named = (name: string, message = '', status?: number) =>
  Object.assign(new Error(message), {
    name,
    ...(status === undefined ? {} : { $metadata: { httpStatusCode: status } }),
  });

describe('classifyFailure', () => {
  it('retries throttling and moves to another stream', () => {
    for (const error of [
      named('ServiceUnavailableException', 'Slow down.', 503),
      named('TooManyRequestsException', 'Rate exceeded', 400),
      named('X', '', 429),
    ]) {
      const failure = classifyFailure(error);
      assert.equal(failure.code, 'throttled');
      assert.equal(failure.policy.retryable, true);
      assert.equal(failure.policy.failover, true);
    }
  });

  it("gives Cognito's throttling the identity backoff and Firehose's the delivery backoff", () => {
    assert.equal(classifyFailure(named('TooManyRequestsException', 'Rate exceeded', 400)).backoff, 'identity');
    assert.equal(classifyFailure(named('ServiceUnavailableException', 'Slow down.', 503)).backoff, 'delivery');
    assert.equal(classifyRecordError('ServiceUnavailableException').backoff, 'delivery');
    // Whatever a credential fetch threw: throttling waits on the identity backoff, a network failure does not.
    assert.equal(classifyFailure(named('X', '', 429), true).backoff, 'identity');
    assert.equal(classifyFailure(new TypeError('Failed to fetch'), true).backoff, 'delivery');
  });

  it('retries 5xx and internal failures', () => {
    assert.equal(classifyFailure(named('InternalFailure', '', 500)).code, 'service-error');
    assert.equal(classifyFailure(named('Whatever', '', 502)).code, 'service-error');
  });

  it('knows the network error strings of every browser and of Node', () => {
    for (const message of [
      'Failed to fetch',
      'Load failed',
      'NetworkError when attempting to fetch resource.',
      'fetch failed',
      'socket hang up',
      'read ECONNRESET',
    ]) {
      const failure = classifyFailure(new TypeError(message));
      assert.equal(failure.code, 'network', message);
      assert.equal(failure.policy.retryable, true);
    }
  });

  it('refreshes credentials when they expired or were refused', () => {
    assert.equal(
      classifyFailure(named('ExpiredTokenException', 'The security token included in the request is expired')).code,
      'credentials-expired',
    );
    assert.equal(
      classifyFailure(named('InvalidSignatureException', 'The request signature we calculated does not match')).code,
      'credentials-expired',
    );
  });

  it('recognizes clock skew and reads AWS’s clock from the message', () => {
    const failure = classifyFailure(
      named(
        'InvalidSignatureException',
        'Signature expired: 20270214T004500Z is now earlier than 20270214T005500Z (20270214T010000Z - 5 min.)',
        400,
      ),
    );
    assert.equal(failure.code, 'clock-skew');
    assert.equal(failure.serverTime, Date.UTC(2027, 1, 14, 1, 0, 0));
    assert.equal(
      readServerTime({ message: '', $response: { headers: { date: 'Sun, 14 Feb 2027 01:00:00 GMT' } } }),
      Date.UTC(2027, 1, 14, 1, 0, 0),
    );
  });

  it('stops on errors only an operator can fix, with what to do', () => {
    const denied = classifyFailure(named('AccessDeniedException', 'User is not authorized', 400));
    assert.equal(denied.code, 'access-denied');
    assert.equal(denied.policy.retryable, false);
    assert.match(denied.message, /Operator: allow firehose:PutRecordBatch/);
    assert.equal(
      classifyFailure(named('ResourceNotFoundException', 'Firehose entries-9 under account 000000000000 not found.'))
        .code,
      'stream-not-found',
    );
    assert.equal(
      classifyFailure(named('ResourceNotFoundException', "IdentityPool 'us-east-1:x' not found.")).code,
      'identity-pool-invalid',
    );
    assert.equal(
      classifyFailure(
        named('NotAuthorizedException', 'Unauthenticated access is not supported for this identity pool.'),
      ).code,
      'identity-pool-invalid',
    );
  });

  it('keeps retrying what it does not recognize', () => {
    const failure = classifyFailure(new Error('something odd'));
    assert.equal(failure.code, 'unknown');
    assert.equal(failure.policy.retryable, true);
    assert.equal(classifyFailure(undefined).policy.retryable, true);
    assert.equal(classifyFailure('a string').policy.retryable, true);
  });
});

describe('classifyRecordError', () => {
  it('retries both per-record error codes Firehose returns', () => {
    assert.deepEqual(
      [classifyRecordError('ServiceUnavailableException'), classifyRecordError('InternalFailure')].map((failure) => [
        failure.code,
        failure.policy.retryable,
        failure.policy.failover,
      ]),
      [
        ['throttled', true, true],
        ['service-error', true, false],
      ],
    );
  });
});
