// The breaker scenario, small: a flood trips the pause, an entry made meanwhile waits on the device, resuming delivers
// it, nothing is lost. Against the emulator's Node server on 127.0.0.1, through the real SDK client.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RunningEmulator, startEmulator } from '@campaign-entry/emulator/server';
import { runBreakerDemo } from './breaker-run.js';
import { DEMO_CAMPAIGN } from './server.js';

describe('pnpm demo:breaker', () => {
  let running: RunningEmulator;

  before(async () => {
    running = await startEmulator({
      streams: DEMO_CAMPAIGN.deliveryStreams.map((name) => ({ name, bucket: DEMO_CAMPAIGN.bucket })),
    });
  });
  after(async () => {
    await running?.close();
  });

  it('pauses intake under a flood, keeps an entry made meanwhile on the device, and delivers it after the resume', async () => {
    const report = await runBreakerDemo({
      url: running.url,
      floodRecords: 3_000,
      tripAtRecords: 1_000,
      pausedForMs: 200,
      operatorFixDelayMs: 300,
      deadlineMs: 20_000,
    });
    assert.equal(report.trippedAt, 1_000);
    assert.ok(report.flood.denied >= 1_000, `flood refused once paused: ${JSON.stringify(report.flood)}`);
    assert.equal(report.flood.accepted, 1_000, 'nothing of the flood accepted after the pause');
    assert.equal(report.receiptWhilePaused, 'queued', 'saved on the device while paused');
    assert.equal(report.errorWhilePaused, 'access-denied');
    assert.equal(report.delivered, true);
    assert.equal(report.lost, 0);
    assert.deepEqual(running.emulator.stats().intake.paused, false, 'intake resumed');
    const entrant = running.emulator.records().filter((record) => record.data.includes(report.entryId));
    assert.equal(entrant.length, 1);
  });
});
