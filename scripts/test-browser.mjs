// Runs the browser tests with @web/test-runner (see web-test-runner.config.mjs), one runner per engine: three engines in
// one runner ended several times with exit 1 and no message on this 2-core machine while each engine on its own
// passed. The runners run side by side (`BROWSER_JOBS`, default 3: the tests mostly wait on emulator answers and retry
// timers, not on the CPU), each on a dev-server port of its own, each runner's output printed whole when it ends so the
// engines' logs do not interleave. `BROWSER_JOBS=1` runs them one after another, streaming. `BROWSERS=chromium,firefox`
// narrows the set; extra arguments go to wtr, e.g. `pnpm test:browser --files packages/sdk/src/**/*.browser.test.ts`.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const root = new URL('..', import.meta.url).pathname;
const engines = (process.env.BROWSERS ?? 'chromium,firefox,webkit')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const jobs = Math.max(1, Number(process.env.BROWSER_JOBS ?? 3) || 1);

/** Free loopback ports, all held open together while picked so no two are the same. */
async function freePorts(count) {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise((resolve, reject) => {
          const server = createServer();
          server.on('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** Runs one engine's runner; resolves with whether it passed. Streams its output when `stream`, else prints it whole. */
function runEngine(engine, port, stream) {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      `${root}node_modules/@web/test-runner/dist/bin.js`,
      '--config',
      `${root}web-test-runner.config.mjs`,
      '--static-logging',
      '--port',
      String(port),
      ...process.argv.slice(2),
    ],
    { stdio: stream ? 'inherit' : ['ignore', 'pipe', 'pipe'], cwd: root, env: { ...process.env, BROWSERS: engine } },
  );
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  if (stream) console.log(`\n── ${engine} ──`);
  return new Promise((resolve) => {
    child.on('close', (status, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (!stream) process.stdout.write(`\n── ${engine} ──\n${Buffer.concat(output).toString('utf8')}`);
      // A runner ended by a signal (another process killing it) says so, instead of failing without a word.
      if (signal) console.error(`@web/test-runner (${engine}) was stopped by ${signal}`);
      const passed = status === 0;
      console.log(`── ${engine}: ${passed ? 'ok' : `FAILED (exit ${status ?? signal})`} in ${seconds} s ──`);
      resolve(passed);
    });
  });
}

const ports = await freePorts(engines.length);
const queue = engines.map((engine, index) => ({ engine, port: ports[index] }));
const stream = jobs === 1 || engines.length === 1;
if (!stream) console.log(`\n── ${engines.join(', ')}: ${Math.min(jobs, engines.length)} runners side by side ──`);
let failed = 0;
await Promise.all(
  Array.from({ length: Math.min(jobs, engines.length) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (!(await runEngine(next.engine, next.port, stream))) failed += 1;
    }
  }),
);
process.exit(failed === 0 ? 0 : 1);
