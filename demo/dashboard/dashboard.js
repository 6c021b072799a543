// Polls /api/dashboard once a second and redraws. DOM built with textContent only: entry data never becomes markup.
const $ = (id) => document.getElementById(id);
const number = new Intl.NumberFormat('en-US');
const SVG = 'http://www.w3.org/2000/svg';

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function drawChart(perMinute) {
  const svg = $('chart');
  svg.replaceChildren();
  const max = Math.max(1, ...perMinute.map((point) => point.entries));
  const width = 600 / perMinute.length;
  perMinute.forEach((point, index) => {
    const height = (point.entries / max) * 150;
    const bar = document.createElementNS(SVG, 'rect');
    bar.setAttribute('x', String(index * width + 1));
    bar.setAttribute('y', String(160 - height));
    bar.setAttribute('width', String(width - 2));
    bar.setAttribute('height', String(height));
    bar.setAttribute('class', 'bar');
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${new Date(point.minute).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}: ${point.entries}`;
    bar.append(title);
    svg.append(bar);
  });
  $('chart-scale').textContent = `Tallest bar: ${number.format(max)} entries in one minute.`;
}

/** Sets a tile's value and marks it as a warning only when it is not zero. */
function tile(id, value, text = number.format(value)) {
  const element = $(id);
  element.textContent = text;
  element.closest('.tile')?.classList.toggle('warn', value > 0);
}

function render(data) {
  const streams = data.streams;
  const sum = (key) => streams.reduce((total, stream) => total + stream[key], 0);
  $('acknowledged').textContent = number.format(data.totals.acknowledged);
  $('unique').textContent = number.format(data.totals.unique);
  $('duplicates').textContent = number.format(data.totals.duplicates);
  $('suspect').textContent = number.format(data.totals.suspect);
  $('optin').textContent = data.totals.unique
    ? `${Math.round((100 * data.totals.marketingOptIn) / data.totals.unique)}%`
    : '–';
  tile('throttled', sum('throttled'));
  tile('retried', sum('failedRecords') + sum('serverErrors'));
  tile('cognito-throttled', data.cognito.throttled);
  tile(
    'refused',
    data.transform.refused,
    data.transform.enabled
      ? `${number.format(data.transform.refused)} (${(100 * data.transform.refusedShare).toFixed(1)}%)`
      : 'off',
  );
  drawChart(data.perMinute);

  const body = $('streams');
  body.replaceChildren();
  for (const stream of streams) {
    const row = body.insertRow();
    cell(row, stream.name);
    cell(row, number.format(stream.requestsLastSecond));
    cell(row, number.format(stream.peakRequestsPerSecond));
    const load = stream.quotaRequestsPerSecond ? stream.peakRequestsPerSecond / stream.quotaRequestsPerSecond : 0;
    const meter = document.createElement('meter');
    meter.min = 0;
    meter.max = 1;
    meter.low = 0.6;
    meter.high = 0.85;
    meter.optimum = 0.2;
    meter.value = Math.min(1, load);
    const td = cell(row, '');
    td.append(
      meter,
      ` ${Math.round(load * 100)}% of ${stream.quotaRequestsPerSecond ? number.format(stream.quotaRequestsPerSecond) : '∞'}/s`,
    );
    cell(row, number.format(stream.records));
    cell(row, number.format(stream.throttled), stream.throttled ? 'warn' : '');
    cell(row, number.format(stream.failedRecords), stream.failedRecords ? 'warn' : '');
    cell(row, number.format(stream.bufferedRecords));
    cell(row, number.format(stream.objects));
  }
  $('cognito').textContent =
    `Cognito: ${number.format(data.cognito.identities)} guest identities, ${number.format(data.cognito.getId)} GetId ` +
    `(quota ${data.cognito.getIdQuota ?? '∞'}/s per account), ${number.format(data.cognito.getCredentials)} GetCredentialsForIdentity.`;

  const latest = $('latest');
  latest.replaceChildren();
  for (const entry of data.latest) {
    const row = latest.insertRow();
    cell(row, new Date(entry.arrivedAt).toLocaleTimeString());
    cell(row, entry.name);
    cell(row, entry.email);
    cell(row, entry.postalCode);
    cell(row, entry.suspect ? 'suspect' : '', entry.suspect ? 'warn' : '');
  }
}

async function poll() {
  try {
    const response = await fetch('/api/dashboard', { cache: 'no-store' });
    render(await response.json());
    $('status').textContent = `Updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    $('status').textContent = `Demo server not reachable (${error.message}); retrying…`;
  }
  setTimeout(poll, 1000);
}
poll();
