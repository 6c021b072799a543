import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_DATA_DIR, DEFAULT_PORT, parseCli } from './cli.js';

describe('campaign-emulator options', () => {
  it('defaults to port 4599 and .data', () => {
    assert.deepEqual(parseCli([]).options, { port: DEFAULT_PORT, dataDir: DEFAULT_DATA_DIR, region: 'us-east-1' });
  });

  it('takes repeatable pools and streams, with a shared bucket and prefix', () => {
    const { options } = parseCli([
      '--pool',
      'us-east-1:00000000-0000-4000-8000-000000000001',
      '--stream',
      'entries-0',
      '--stream',
      'entries-1',
      '--bucket',
      'promo-bucket',
      '--prefix',
      'raw/',
    ]);
    assert.deepEqual(options.pools, [{ id: 'us-east-1:00000000-0000-4000-8000-000000000001' }]);
    assert.deepEqual(options.streams, [
      { name: 'entries-0', bucket: 'promo-bucket', prefix: 'raw/' },
      { name: 'entries-1', bucket: 'promo-bucket', prefix: 'raw/' },
    ]);
  });

  it('reads quotas (off lifts one), faults, buffering and the seed', () => {
    const { options, verbose } = parseCli([
      '--port=0',
      '--requests-per-second',
      '50',
      '--get-id-per-second',
      'off',
      '--throttle-rate',
      '0.1',
      '--clock-offset-ms=-600000',
      '--offline',
      '--buffer-bytes',
      '1024',
      '--buffer-ms',
      '2000',
      '--seed',
      '3',
      '--verbose',
    ]);
    assert.equal(options.port, 0);
    assert.deepEqual(options.quotas, { requestsPerSecond: 50, getIdPerSecond: false });
    assert.deepEqual(options.faults, { offline: true, throttleRate: 0.1, serverClockOffsetMs: -600_000 });
    assert.deepEqual(options.buffering, { sizeBytes: 1024, intervalMs: 2000 });
    assert.equal(options.seed, 3);
    assert.equal(verbose, true);
  });

  it('refuses unknown options, stray arguments and bad numbers with one line', () => {
    assert.throws(() => parseCli(['--nope']), { name: 'ConfigError', message: 'unknown option --nope (see --help)' });
    assert.throws(() => parseCli(['extra']), { message: 'unexpected argument "extra" (see --help)' });
    assert.throws(() => parseCli(['--port', 'eighty']), { message: '--port must be an integer, got "eighty"' });
    assert.throws(() => parseCli(['--port']), { message: /--port/ });
  });
});
