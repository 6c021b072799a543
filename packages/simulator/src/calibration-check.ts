// What both calibration checks share: the tolerance, the bundled simulator run, and the comparison.
import assert from 'node:assert/strict';
import { runBundled } from './launch.js';
import type { SimulationReport } from './report/report.js';

/** Largest relative difference allowed between simulated and measured percentiles. */
export const TOLERANCE = 0.25;

/** Runs the bundled simulator with `args` and `--json`; one report per seed run. */
export async function simulate(args: readonly string[]): Promise<SimulationReport[]> {
  const run = await runBundled([...args, '--json']);
  assert.equal(run.status, 0, run.stderr);
  const parsed = JSON.parse(run.stdout) as SimulationReport | SimulationReport[];
  return Array.isArray(parsed) ? parsed : [parsed];
}

/** The median of `values`. */
export const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Asserts p50 and p95 of `simulated` are within {@link TOLERANCE} of `real`. */
export function assertClose(simulated: { p50: number; p95: number }, real: { p50: number; p95: number }): void {
  for (const key of ['p50', 'p95'] as const) {
    const difference = Math.abs(simulated[key] - real[key]) / real[key];
    assert.ok(
      difference <= TOLERANCE,
      `${key}: simulated ${simulated[key]} ms vs real ${real[key]} ms (${(100 * difference).toFixed(0)} % apart)`,
    );
  }
}
