import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode } from './error-code.js';
import { errorFor, FAILURE_POLICY, RepairAction } from './failure-policy.js';

describe('FAILURE_POLICY', () => {
  it('tells an operator what to do for every failure retrying cannot fix in delivery', () => {
    for (const code of [
      ErrorCode.AccessDenied,
      ErrorCode.StreamNotFound,
      ErrorCode.IdentityPoolInvalid,
      ErrorCode.InvalidRequest,
    ]) {
      assert.equal(FAILURE_POLICY[code].retryable, false, code);
      assert.match(FAILURE_POLICY[code].operatorMessage, /Operator:/u, code);
    }
  });

  it('retries at once only where a repair makes the next call different', () => {
    for (const code of Object.values(ErrorCode)) {
      const policy = FAILURE_POLICY[code];
      assert.equal(policy.retryAtOnce, policy.repair !== RepairAction.None, code);
    }
  });

  it('fails over to another stream only when throttled', () => {
    assert.deepEqual(
      Object.values(ErrorCode).filter((code) => FAILURE_POLICY[code].failover),
      [ErrorCode.Throttled],
    );
  });

  it('moves a device to the next identity pool only when Cognito throttles or is down, never for its own network', () => {
    assert.deepEqual(
      Object.values(ErrorCode).filter((code) => FAILURE_POLICY[code].otherPool),
      [ErrorCode.Throttled, ErrorCode.ServiceError],
    );
  });
});

describe('errorFor', () => {
  it('takes retryable from the table and the operator message where there is one', () => {
    const denied = errorFor(ErrorCode.AccessDenied, 'User is not authorized', 'cause');
    assert.equal(denied.retryable, false);
    assert.equal(denied.message, FAILURE_POLICY[ErrorCode.AccessDenied].operatorMessage);
    assert.equal(denied.cause, 'cause');
    const full = errorFor(ErrorCode.QueueFull, 'This device already holds 3 unsent entries.');
    assert.equal(full.retryable, false);
    assert.equal(full.message, 'This device already holds 3 unsent entries.');
    assert.equal(errorFor(ErrorCode.Network, 'Failed to fetch').retryable, true);
  });
});
