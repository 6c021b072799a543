// The chart: arrivals and acknowledgements per second, entries waiting on devices, and throttles per second, over
// the first minutes of the run, as a self-contained SVG (no dependencies, readable on GitHub).
import { count, whole } from './format.js';
import type { Series } from './recorder.js';
import type { SimulationReport } from './report.js';

const WIDTH = 960;
const PANEL = 170;
const LEFT = 70;
const RIGHT = 20;
const TOP = 50;
const GAP = 40;

interface Line {
  readonly label: string;
  readonly colour: string;
  readonly values: readonly number[];
}

function panel(title: string, lines: readonly Line[], top: number, binMs: number): string {
  const bins = lines[0]?.values.length ?? 0;
  const max = Math.max(1, ...lines.flatMap((line) => line.values));
  const x = (bin: number) => LEFT + ((WIDTH - LEFT - RIGHT) * bin) / Math.max(1, bins - 1);
  const y = (value: number) => top + PANEL - (PANEL * value) / max;
  const parts = [
    `<text x="${LEFT}" y="${top - 8}" font-size="13" font-weight="bold">${title}</text>`,
    `<line x1="${LEFT}" y1="${top + PANEL}" x2="${WIDTH - RIGHT}" y2="${top + PANEL}" stroke="#999"/>`,
    `<line x1="${LEFT}" y1="${top}" x2="${LEFT}" y2="${top + PANEL}" stroke="#999"/>`,
    `<text x="${LEFT - 6}" y="${top + 4}" font-size="11" text-anchor="end">${whole(max)}</text>`,
    `<text x="${LEFT - 6}" y="${top + PANEL}" font-size="11" text-anchor="end">0</text>`,
  ];
  const minutes = (bins * binMs) / 60_000;
  const step = minutes > 60 ? 10 : 5;
  for (let minute = 0; minute <= minutes; minute += step) {
    const px = x((minute * 60_000) / binMs);
    parts.push(
      `<text x="${px.toFixed(1)}" y="${top + PANEL + 14}" font-size="11" text-anchor="middle">${minute}′</text>`,
    );
  }
  lines.forEach((line, index) => {
    const points = line.values.map((value, bin) => `${x(bin).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
    parts.push(`<polyline fill="none" stroke="${line.colour}" stroke-width="1.5" points="${points}"/>`);
    parts.push(
      `<text x="${WIDTH - RIGHT - 220 + index * 110}" y="${top - 8}" font-size="12" fill="${line.colour}">■ ${line.label}</text>`,
    );
  });
  return parts.join('\n');
}

/** Renders the chart for a run. */
export function renderChart(report: SimulationReport, series: Series): string {
  const perSecond = (values: Float64Array) => [...values].map((value) => value / (series.binMs / 1000));
  const waiting: number[] = [];
  let held = 0;
  series.submits.forEach((submitted, bin) => {
    held += submitted - (series.acknowledgements[bin] as number);
    waiting.push(held);
  });
  const height = TOP + 3 * (PANEL + GAP) + 10;
  const q = report.quotas;
  const title = `${count(report.entrants)} entrants, ${report.minutes} min, ${report.streams} streams, ${report.regions} region(s), GetId ${q.getIdPerSecond}/s, seed ${report.seed}: p99 ${whole(report.ackMs.p99 / 1000)} s, stranded ${whole(report.stranded)}, lost ${report.lost}`;
  const body = [
    panel(
      'Per second: pages opened and entries acknowledged',
      [
        { label: 'arrivals', colour: '#1f77b4', values: perSecond(series.arrivals) },
        { label: 'acknowledged', colour: '#2ca02c', values: perSecond(series.acknowledgements) },
      ],
      TOP + 20,
      series.binMs,
    ),
    panel(
      'Entries waiting on devices',
      [{ label: 'waiting', colour: '#ff7f0e', values: waiting }],
      TOP + 20 + PANEL + GAP,
      series.binMs,
    ),
    panel(
      'Throttles per second',
      [
        { label: 'Firehose', colour: '#d62728', values: perSecond(series.firehoseThrottles) },
        { label: 'Cognito', colour: '#9467bd', values: perSecond(series.cognitoThrottles) },
      ],
      TOP + 20 + 2 * (PANEL + GAP),
      series.binMs,
    ),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height + 20}" viewBox="0 0 ${WIDTH} ${height + 20}" font-family="system-ui, sans-serif">
<title>Simulated halftime: arrivals, acknowledgements, entries waiting on devices and throttles over time</title>
<rect width="100%" height="100%" fill="white"/>
<text x="${LEFT}" y="24" font-size="14">${title}</text>
${body.join('\n')}
</svg>
`;
}
