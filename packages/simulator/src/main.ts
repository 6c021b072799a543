// The simulator's entry point, run as a bundle under plain Node by launch.ts (see README: why a bundle).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCommandLine, USAGE } from './options.js';
import { renderChart } from './report/chart.js';
import { formatSummary } from './report/summary.js';
import { runSimulation } from './simulate.js';
import { runSweep } from './sweep.js';

const root = process.env.SIMULATOR_ROOT ?? process.cwd();
// The SDK makes an Error per failed batch; a million throttles need no stack traces.
Error.stackTraceLimit = 0;

async function main(): Promise<number> {
  let commandLine: ReturnType<typeof parseCommandLine>;
  try {
    commandLine = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (commandLine.sweep) {
    console.log(await runSweep(commandLine.simulation, (line) => console.error(line)));
    return 0;
  }
  if (commandLine.runs > 1) {
    const { simulation } = commandLine;
    const reports = [];
    for (let run = 0; run < commandLine.runs; run++)
      reports.push((await runSimulation({ ...simulation, seed: simulation.seed + run })).report);
    console.log(JSON.stringify(reports));
    return reports.every((report) => report.lost === 0) ? 0 : 1;
  }
  const started = performance.now();
  let peakRss = 0;
  // Sampled every 2 s, and only when asked for: reading the resident size is a system call.
  const measure = commandLine.perf || !commandLine.json;
  const sampler = measure
    ? setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 2_000)
    : undefined;
  const { report, series } = await runSimulation(commandLine.simulation);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const perf = {
    wallSeconds: Math.round((performance.now() - started) / 100) / 10,
    peakRssMB: Math.round(peakRss / 1_048_576),
  };
  if (commandLine.chart) writeFileSync(resolve(root, commandLine.chart), renderChart(report, series));
  if (commandLine.json)
    console.log(JSON.stringify(commandLine.perf ? { ...report, performance: perf } : report, null, 2));
  else {
    console.log(formatSummary(report));
    console.log(`  ${'wall time, peak memory'.padEnd(30)} ${perf.wallSeconds} s, ${perf.peakRssMB} MB`);
    if (commandLine.chart) console.log(`  ${'chart'.padEnd(30)} ${commandLine.chart}`);
  }
  return report.lost === 0 ? 0 : 1;
}

process.exitCode = await main();
