// A @web/test-runner plugin that gives each browser test session its own emulator Node server (Cognito Identity +
// Firehose on http://127.0.0.1:<port>) and lets the test drive it through `executeServerCommand`: the pages under test
// call the emulator cross-origin like they call AWS, while faults and records are handled here in Node, because the
// emulator's inspection API refuses browser pages of another origin.
import { appendFileSync } from 'node:fs';

/** Entrants per scenario when no `CHAOS_ENTRIES` is set: enough to mix outcomes, small enough for CI. */
export const DEFAULT_ENTRANTS_PER_SCENARIO = 4;

/** Phones a scenario keeps open at once; bigger runs go in rounds of this many. */
export const DEFAULT_ROUND_SIZE = 20;

async function loadServer() {
  try {
    return await import('@campaign-entry/emulator/server');
  } catch (error) {
    throw new Error(
      `@campaign-entry/emulator is not built (${error.message}): run \`pnpm --filter @campaign-entry/emulator run build\``,
    );
  }
}

/** `{entryId → number of acknowledged records}` plus records whose data is not one of our JSON lines. */
function countByEntryId(records, wanted) {
  const counts = Object.fromEntries(wanted.map((id) => [id, 0]));
  for (const record of records) {
    let entryId;
    try {
      entryId = JSON.parse(record.data).entryId;
    } catch {
      entryId = undefined;
    }
    if (typeof entryId === 'string' && entryId in counts) counts[entryId] += 1;
  }
  return counts;
}

/**
 * The plugin. Environment: `CHAOS_ENTRIES` (total entrants per engine, spread over the scenarios), `E2E_ROUND_SIZE`
 * (phones open at once per scenario), `E2E_ONLY` (run only the scenarios whose name contains one of its `|`-separated
 * parts; the others are skipped), `E2E_REPORT` (a file each scenario's summary is appended to, one JSON line each).
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function emulatorPlugin() {
  /** @type {Map<string, {url: string, emulator: any, close: () => Promise<void>}>} */
  const running = new Map();

  async function stop(sessionId) {
    const current = running.get(sessionId);
    running.delete(sessionId);
    await current?.close();
  }

  function emulatorOf(sessionId) {
    const current = running.get(sessionId);
    if (!current) throw new Error('No emulator running for this test session: call emulator:start first');
    return current.emulator;
  }

  const commands = {
    'e2e:config': (_payload, session) => ({
      engine: session.browser.name,
      totalEntries: process.env.CHAOS_ENTRIES ? Number(process.env.CHAOS_ENTRIES) : null,
      defaultEntrantsPerScenario: DEFAULT_ENTRANTS_PER_SCENARIO,
      roundSize: Number(process.env.E2E_ROUND_SIZE ?? DEFAULT_ROUND_SIZE),
      only: process.env.E2E_ONLY || null,
    }),
    'emulator:start': async (payload, session) => {
      await stop(session.id);
      const { startEmulator } = await loadServer();
      const started = await startEmulator({
        port: 0,
        streams: (payload?.streams ?? ['entries-0', 'entries-1']).map((name) => ({ name })),
        ...(payload?.seed === undefined ? {} : { seed: payload.seed }),
        ...(payload?.quotas ? { quotas: payload.quotas } : {}),
      });
      running.set(session.id, started);
      return { url: started.url };
    },
    'emulator:faults': (payload, session) => emulatorOf(session.id).setFaults(payload ?? {}),
    'emulator:clear-faults': async (_payload, session) => {
      const { NO_FAULTS } = await import('@campaign-entry/emulator');
      return emulatorOf(session.id).setFaults(NO_FAULTS);
    },
    'emulator:quotas': (payload, session) => emulatorOf(session.id).setQuotas(payload ?? {}),
    'emulator:expire-credentials': (_payload, session) => {
      emulatorOf(session.id).expireAllCredentials();
      return true;
    },
    'emulator:counts': (payload, session) => countByEntryId(emulatorOf(session.id).records(), payload?.entryIds ?? []),
    'emulator:records': (_payload, session) => emulatorOf(session.id).records(),
    'emulator:stats': (_payload, session) => {
      const { firehose, cognito } = emulatorOf(session.id).stats();
      return { firehose, cognito };
    },
    'emulator:stop': async (_payload, session) => {
      await stop(session.id);
      return true;
    },
    'e2e:report': (payload, session) => {
      const line = JSON.stringify({ engine: session.browser.name, ...payload });
      if (process.env.E2E_REPORT) appendFileSync(process.env.E2E_REPORT, `${line}\n`);
      return true;
    },
  };

  return {
    name: 'campaign-entry-e2e',
    async executeCommand({ command, payload, session }) {
      const run = commands[command];
      if (!run) return undefined;
      // A command must answer something other than null/undefined, or the runner reports it as unknown.
      return (await run(payload, session)) ?? true;
    },
    async serverStop() {
      await Promise.all([...running.keys()].map((id) => stop(id)));
    },
  };
}
