import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultQuotas, NO_FAULTS } from './defaults.js';
import { applyFaultSettings, resolveOptions } from './resolve.js';

describe('options', () => {
  it('defaults to one open pool, one stream and AWS us-east-1 quotas', () => {
    const resolved = resolveOptions({});
    assert.deepEqual(resolved.pools, [
      { id: 'us-east-1:00000000-0000-4000-8000-000000000000', allowUnauthenticated: true },
    ]);
    assert.deepEqual(resolved.streams, [{ name: 'entries-0', bucket: 'campaign-entries', prefix: 'entries/' }]);
    assert.deepEqual(resolved.quotas, {
      requestsPerSecond: 2000,
      recordsPerSecond: 500_000,
      bytesPerSecond: 5 * 1024 * 1024,
      getIdPerSecond: 25,
      getCredentialsPerSecond: 200,
    });
    assert.equal(resolved.credentialTtlSeconds, 3600);
    assert.equal(resolved.bufferIntervalMs, 300_000);
  });

  it('derives the default pool and the smaller quotas from another region', () => {
    const resolved = resolveOptions({ region: 'eu-central-1' });
    assert.equal(resolved.pools[0]?.id, 'eu-central-1:00000000-0000-4000-8000-000000000000');
    assert.equal(resolved.quotas.requestsPerSecond, 1000);
    assert.equal(defaultQuotas('eu-west-1').requestsPerSecond, 2000);
  });

  it('lifts a quota given false, null or Infinity', () => {
    const { quotas } = resolveOptions({
      quotas: { requestsPerSecond: false, getIdPerSecond: null, bytesPerSecond: Infinity },
    });
    assert.equal(quotas.requestsPerSecond, Number.POSITIVE_INFINITY);
    assert.equal(quotas.getIdPerSecond, Number.POSITIVE_INFINITY);
    assert.equal(quotas.bytesPerSecond, Number.POSITIVE_INFINITY);
  });

  it('refuses bad options with one line naming the option', () => {
    const cases: [unknown, RegExp][] = [
      [{ colour: 'red' }, /unknown option "colour"/],
      [{ region: 'moon' }, /region "moon"/],
      [{ pools: [{ id: 'eu-west-1:00000000-0000-4000-8000-000000000000' }] }, /must look like "us-east-1:/],
      [{ streams: [{ name: 'no spaces' }] }, /delivery stream name/],
      [{ streams: [{ name: 'a' }, { name: 'a' }] }, /"a" is configured twice/],
      [{ streams: [{ name: 'a', prefix: '../up/' }] }, /must be relative/],
      [{ faults: { dropRate: 1.5 } }, /dropRate must be a number from 0 to 1/],
      [{ quotas: { perMinute: 1 } }, /unknown quota "perMinute"/],
      [{ buffering: { sizeBytes: 0 } }, /buffering.sizeBytes/],
    ];
    for (const [options, message] of cases) {
      assert.throws(() => resolveOptions(options as never), { name: 'ConfigError', code: 'invalid-option', message });
    }
  });

  it('changes only the faults given', () => {
    const faults = applyFaultSettings({ ...NO_FAULTS }, { offline: true, latencyMs: 50 });
    assert.deepEqual(faults, { ...NO_FAULTS, offline: true, latencyMs: 50 });
    assert.throws(() => applyFaultSettings(faults, { offline: 'yes' as never }), /offline must be true or false/);
  });
});
