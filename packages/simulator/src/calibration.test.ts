// Calibration, recorded half (in `pnpm test`): the simulator's 2,000-entrant starved burst (default SDK retries,
// 15 requests/s per stream × 2, GetId 60/s) against that burst as `pnpm bench` last measured it with the real SDK and
// the emulator (bench/results.json), within 25 % at p50 and p95 time to acknowledge. The live half, which runs the
// real SDK against the emulator now, is `pnpm simulate:calibrate` (calibration-live.check.ts): its wall-clock figures
// move with the machine's load, so it is not part of the deterministic suite.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import type { BurstReport } from '@campaign-entry/demo/burst';
import { assertClose, simulate } from './calibration-check.js';
import type { SimulationReport } from './report/report.js';

describe('calibration against pnpm demo:burst as pnpm bench recorded it', () => {
  let recorded: { burst: BurstReport };
  let simulatedRecorded: Promise<SimulationReport[]>;

  before(async () => {
    recorded = JSON.parse(await readFile(new URL('../../../bench/results.json', import.meta.url), 'utf8')) as {
      burst: BurstReport;
    };
    const { burst } = recorded;
    simulatedRecorded = simulate([
      ...['--scenario', 'burst', '--entrants', String(burst.entrants), '--streams', String(burst.quotas.streams)],
      ...['--requests-per-second', String(burst.quotas.requestsPerSecond)],
      ...['--get-id-per-second', String(burst.quotas.getIdPerSecond), '--window-ms', '20000'],
    ]);
  });

  it("agrees with pnpm bench's recorded 2,000-entrant burst on p50 and p95 within 25 %", async () => {
    const { burst } = recorded;
    const [simulated] = (await simulatedRecorded) as [SimulationReport];
    console.log(
      `calibration, recorded (${burst.entrants} entrants): ${JSON.stringify({ real: burst.timeToAcknowledge, simulated: simulated.ackMs })}`,
    );
    assert.equal(simulated.acknowledged, burst.entrants);
    assertClose(simulated.ackMs, burst.timeToAcknowledge);
  });
});
