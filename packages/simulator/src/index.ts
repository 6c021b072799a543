// @campaign-entry/simulator: a halftime on a virtual clock, driving the SDK's own client code.
export type { AwsQuotas } from './aws/quotas.js';
export { DEFAULT_AWS_QUOTAS } from './aws/quotas.js';
export type { SimulationReport } from './report/report.js';
export { SCENARIOS, type ScenarioName } from './scenario.js';
export { runSimulation, type SimulationRun } from './simulate.js';
export type { SimulationOptions } from './simulation-options.js';
