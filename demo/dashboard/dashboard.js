// Polls /api/dashboard once a second and redraws. DOM built with textContent only: entry data never becomes markup.
const $ = (id) => document.getElementById(id);
const number = new Intl.NumberFormat('en-US');
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const share = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
const clock = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' });
const hourOnly = new Intl.DateTimeFormat('en-US', { hour: 'numeric' });
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const SVG = 'http://www.w3.org/2000/svg';

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  // On a phone a .stack table shows each row as a card: every cell carries its column's name.
  const heading = row.closest('table')?.tHead?.rows[0]?.cells[td.cellIndex];
  if (heading) td.dataset.label = heading.textContent;
  return td;
}

function svg(name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A round step for about four ticks up to `max`. */
function tickStep(max) {
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((factor) => factor * magnitude).find((step) => step >= raw) ?? raw;
}

/** Bars with a labelled y axis (entries) and x axis (local times), drawn at the chart's real pixel size. */
function drawChart(perMinute) {
  const chart = $('chart');
  const width = Math.max(240, chart.clientWidth);
  const height = 200;
  const margin = { left: 44, right: 8, top: 10, bottom: 40 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const busiest = Math.max(0, ...perMinute.map((point) => point.entries));
  const step = tickStep(Math.max(4, busiest));
  const top = Math.max(step, Math.ceil(busiest / step) * step);
  const y = (value) => margin.top + plotHeight - (value / top) * plotHeight;
  const slot = plotWidth / perMinute.length;
  chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
  chart.replaceChildren(svg('title', {}, 'Entries per minute'));
  for (let value = 0; value <= top; value += step) {
    chart.append(
      svg('line', { x1: margin.left, x2: width - margin.right, y1: y(value), y2: y(value), class: 'grid' }),
      svg('text', { x: margin.left - 6, y: y(value) + 4, 'text-anchor': 'end', class: 'axis' }, number.format(value)),
    );
  }
  const labelEvery = plotWidth < 400 ? 10 : 5;
  perMinute.forEach((point, index) => {
    const x = margin.left + index * slot;
    const bar = svg('rect', {
      x: x + 1,
      y: y(point.entries),
      width: Math.max(1, slot - 2),
      height: y(0) - y(point.entries),
      class: 'bar',
    });
    bar.append(svg('title', {}, `${clock.format(point.minute)}: ${number.format(point.entries)} entries`));
    chart.append(bar);
    if ((perMinute.length - 1 - index) % labelEvery === 0) {
      chart.append(
        svg('line', { x1: x + slot / 2, x2: x + slot / 2, y1: y(0), y2: y(0) + 4, class: 'tick' }),
        svg(
          'text',
          {
            x: x + slot / 2,
            y: y(0) + 16,
            'text-anchor': index === perMinute.length - 1 ? 'end' : 'middle',
            class: 'axis',
          },
          clock.format(point.minute),
        ),
      );
    }
  });
  chart.append(
    svg('text', { x: margin.left, y: height - 4, class: 'axis title' }, `Time (${zone})`),
    svg(
      'text',
      {
        x: 12,
        y: margin.top + plotHeight / 2,
        class: 'axis title',
        transform: `rotate(-90 12 ${margin.top + plotHeight / 2})`,
        'text-anchor': 'middle',
      },
      'Entries',
    ),
  );
  const total = perMinute.reduce((sum, point) => sum + point.entries, 0);
  $('chart-summary').textContent =
    `${number.format(total)} entries in the last 30 minutes; busiest minute ${number.format(busiest)}. ` +
    `Times are when the entry reached the pipeline, in your time zone (${zone}).`;
}

/** Sets a tile's value and marks it as a warning only when it is not zero. */
function tile(id, value, text = number.format(value)) {
  const element = $(id);
  element.textContent = text;
  element.closest('.tile')?.classList.toggle('warn', value > 0);
}

function renderMarketing(marketing) {
  $('entries').textContent = number.format(marketing.entries);
  $('entrants').textContent = number.format(marketing.entrants);
  $('optin').textContent = marketing.entrants ? percent.format(marketing.optInRate) : '–';
  $('optin-label').textContent =
    `opted in to marketing (${number.format(marketing.optIns)} of ${number.format(marketing.entrants)})`;
  $('last-minute').textContent = number.format(marketing.perMinute.at(-1)?.entries ?? 0);
  drawChart(marketing.perMinute);

  $('hour-heading').textContent = `Hour (${zone})`;
  const hours = $('hours');
  hours.replaceChildren();
  for (const { hour, entries } of marketing.byHour.slice(-24).reverse()) {
    const row = hours.insertRow();
    cell(row, `${hourOnly.format(hour)}–${hourOnly.format(hour + 3_600_000)}`);
    cell(row, number.format(entries), 'num');
  }
  if (marketing.byHour.length === 0) cell(hours.insertRow(), 'No entries yet').colSpan = 2;

  const states = $('states');
  states.replaceChildren();
  for (const { state, entries } of marketing.byState) {
    const row = states.insertRow();
    cell(row, state === 'unknown' ? 'Not a US ZIP' : state);
    cell(row, `${number.format(entries)} (${share.format(entries / marketing.entries)})`, 'num');
  }
  if (marketing.byState.length === 0) cell(states.insertRow(), 'No entries yet').colSpan = 2;
}

function renderHealth(data) {
  const streams = data.streams;
  const sum = (key) => streams.reduce((total, stream) => total + stream[key], 0);
  $('acknowledged').textContent = number.format(data.totals.acknowledged);
  $('duplicates').textContent = number.format(data.totals.duplicates);
  tile(
    'refused',
    data.totals.refused,
    `${number.format(data.totals.refused)} (${percent.format(data.totals.refusedShare)})`,
  );
  tile('suspect', data.totals.suspect);
  tile('throttled', sum('throttled'));
  tile('retried', sum('failedRecords') + sum('serverErrors'));
  tile('cognito-throttled', data.cognito.throttled);

  const body = $('streams');
  body.replaceChildren();
  for (const stream of streams) {
    const row = body.insertRow();
    cell(row, stream.name);
    cell(row, number.format(stream.requestsLastSecond), 'num');
    cell(row, number.format(stream.peakRequestsPerSecond), 'num');
    const load = stream.quotaRequestsPerSecond ? stream.peakRequestsPerSecond / stream.quotaRequestsPerSecond : 0;
    const meter = document.createElement('meter');
    meter.min = 0;
    meter.max = 1;
    meter.low = 0.6;
    meter.high = 0.85;
    meter.optimum = 0.2;
    meter.value = Math.min(1, load);
    meter.setAttribute('aria-label', `${stream.name} peak load`);
    const td = cell(row, '');
    td.append(
      meter,
      ` ${Math.round(load * 100)}% of ${stream.quotaRequestsPerSecond ? number.format(stream.quotaRequestsPerSecond) : '∞'}/s`,
    );
    cell(row, number.format(stream.records), 'num');
    cell(row, number.format(stream.throttled), stream.throttled ? 'num warn' : 'num');
    cell(row, number.format(stream.failedRecords), stream.failedRecords ? 'num warn' : 'num');
    cell(row, number.format(stream.bufferedRecords), 'num');
    cell(row, number.format(stream.objects), 'num');
  }
  $('cognito').textContent =
    `Cognito: ${number.format(data.cognito.identities)} guest identities, ${number.format(data.cognito.getId)} GetId ` +
    `(quota ${data.cognito.getIdQuota ?? '∞'}/s per account), ${number.format(data.cognito.getCredentials)} GetCredentialsForIdentity.`;
  $('transform').textContent = data.transform.enabled
    ? `Transform Lambda, buffers written so far: ${number.format(data.transform.processed)} records checked, ` +
      `${number.format(data.transform.refused)} refused (${percent.format(data.transform.refusedShare)}).`
    : 'Transform Lambda: off.';
}

function render(data) {
  renderMarketing(data.marketing);
  renderHealth(data);
  const latest = $('latest');
  latest.replaceChildren();
  for (const entry of data.latest) {
    const row = latest.insertRow();
    cell(row, clock.format(entry.arrivedAt));
    cell(row, entry.suspect ? `${entry.name} (suspect)` : entry.name, entry.suspect ? 'warn' : '');
    cell(row, entry.email);
    cell(row, entry.postalCode);
  }
}

async function poll() {
  try {
    const response = await fetch('/api/dashboard', { cache: 'no-store' });
    render(await response.json());
    $('status').textContent = `Live · updated ${new Date().toLocaleTimeString('en-US')}`;
  } catch (error) {
    $('status').textContent = `Demo server not reachable (${error.message}); retrying…`;
  }
  setTimeout(poll, 1000);
}
poll();
