// The simulator's contract on small runs: same seed, same JSON; every entry acknowledged or still on a device.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runBundled } from './launch.js';
import type { SimulationReport } from './report/report.js';

async function simulate(args: readonly string[]): Promise<{ stdout: string; report: SimulationReport }> {
  const run = await runBundled([...args, '--json']);
  assert.equal(run.status, 0, run.stderr);
  return { stdout: run.stdout, report: JSON.parse(run.stdout) as SimulationReport };
}

describe('pnpm simulate', () => {
  it('gives the same JSON for the same seed, and a different run for another seed', async () => {
    const args = ['--entrants', '3000', '--minutes', '2', '--seed', '42'];
    const first = await simulate(args);
    const second = await simulate(args);
    assert.equal(first.stdout, second.stdout);
    const other = await simulate(['--entrants', '3000', '--minutes', '2', '--seed', '43']);
    assert.notEqual(other.stdout, first.stdout);
  });

  it('loses no entry: acknowledged + stranded = entrants, under default quotas with people leaving and returning', async () => {
    const { report } = await simulate(['--entrants', '5000', '--minutes', '1', '--streams', '1', '--seed', '7']);
    assert.equal(report.lost, 0);
    assert.equal(report.acknowledged + report.stranded, report.entrants);
    assert.ok(report.throttles.getId > 0, 'GetId at 25/s was exceeded');
    assert.ok(report.stranded > 0, 'some owners left for good with their entry unsent');
    assert.ok(report.returns > 0, 'some owners came back and their new page resumed sending');
  });

  it('throttles a stream near its quota and still loses nothing', async () => {
    const { report } = await simulate([
      '--entrants',
      '4000',
      '--minutes',
      '1',
      '--streams',
      '1',
      '--requests-per-second',
      '20',
      '--get-id-per-second',
      '100000',
      '--get-credentials-per-second',
      '100000',
    ]);
    assert.ok(report.throttles.firehoseCalls > 0);
    assert.ok(report.throttles.firehoseRecords > 0, 'partial failures near the quota');
    assert.equal(report.lost, 0);
    assert.equal(report.acknowledged + report.stranded, report.entrants);
  });
});
