// Makes docs/phone.png: the built script-tag bundle (dist/campaign-entry.js, run `pnpm build` first) on a tiny
// campaign page, in Debian's Chromium at a phone-sized viewport, driven by playwright-core.
// Usage: node scripts/screenshot.mjs [output.png]   (CHROMIUM_PATH overrides /usr/bin/chromium)
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATHS, PHONE_SCREEN } from '../../../scripts/chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const output = process.argv[2] ?? join(root, 'docs/phone.png');
if (!existsSync(join(root, 'dist/campaign-entry.js'))) {
  console.error('dist/campaign-entry.js is missing: run `pnpm --filter @campaign-entry/widget build` first.');
  process.exit(1);
}

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Lounge Beer halftime giveaway</title>
  <link rel="stylesheet" href="/page.css">
  <script type="module" src="/dist/campaign-entry.js"></script>
</head>
<body>
  <h1>Win a year of Lounge Beer</h1>
  <p>Enter before the end of the halftime show. 21+ only.</p>
  <campaign-entry region="us-east-1" identity-pool-id="us-east-1:00000000-0000-4000-8000-000000000000"
    delivery-stream="entries-0,entries-1" campaign-id="screenshot" fields="name,email,birth-date"
    rules-url="/rules" privacy-url="/privacy"></campaign-entry>
</body>
</html>`;
const css = `body { margin: 0; padding: 16px; background: #f3efe6; font: 16px/1.5 system-ui, sans-serif; color: #1d1b20; }
h1 { margin: 8px 0 4px; font-size: 1.6rem; line-height: 1.2; } p { margin: 0 0 16px; }
campaign-entry { --campaign-entry-accent: #8a3c00; box-shadow: 0 1px 4px rgb(0 0 0 / 0.15); }`;

const types = { '.js': 'text/javascript', '.map': 'application/json' };
const server = createServer(async (request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (path === '/') return response.writeHead(200, { 'content-type': 'text/html' }).end(page);
  if (path === '/page.css') return response.writeHead(200, { 'content-type': 'text/css' }).end(css);
  const file = normalize(join(root, path));
  if (!file.startsWith(join(root, 'dist')) || !existsSync(file)) return response.writeHead(404).end();
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  response.end(await readFile(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATHS.find((path) => existsSync(path)),
  args: [...CHROMIUM_ARGS],
});
try {
  const context = await browser.newContext({ ...PHONE_SCREEN, colorScheme: 'light' });
  const tab = await context.newPage();
  await tab.goto(`http://127.0.0.1:${port}/`);
  await tab.locator('campaign-entry form').waitFor(); // playwright's locators pierce shadow roots
  await tab.screenshot({ path: output, fullPage: true });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  server.close();
}
