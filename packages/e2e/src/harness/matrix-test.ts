// The mocha side of a scenario: a timeout sized to the run's entrant count, then the scenario, then one assertion
// that lists every broken promise at once (lost entries, "You're in" before the acknowledgement, wrong headings…).
import { expect } from '@open-wc/testing';
import { runConfig } from './emulator-commands.js';
import { entrantsFor, timeoutFor } from './matrix.js';
import { DEFAULT_SETTLE_MS, runScenario, type ScenarioPlan, type ScenarioResult } from './scenario.js';

/** Storage that survives a reload: what "Saved on this device" must mean. */
export const DURABLE = ['indexeddb', 'localstorage'] as const;

/** Runs `plan` inside the mocha test `test` and fails it with every problem found. */
export async function check(test: Mocha.Context, plan: ScenarioPlan): Promise<ScenarioResult> {
  const { roundSize, only } = await runConfig();
  if (only !== null && !only.split('|').some((part) => plan.name.includes(part))) test.skip();
  const entrants = await entrantsFor(plan.name);
  test.timeout(timeoutFor(entrants, roundSize, plan.settleTimeoutMs ?? DEFAULT_SETTLE_MS));
  const result = await runScenario(plan);
  expect(result.problems, `${plan.name}: what went wrong`).to.deep.equal([]);
  expect(result.summary.lost, `${plan.name}: entries lost`).to.equal(0);
  expect(result.summary.entrants).to.equal(entrants);
  return result;
}
