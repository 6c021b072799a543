// The fault matrix, network part: the built script-tag bundle on simulated phones against the emulator's Node server
// while Firehose is unreachable, failing, throttling, failing half the records, or slow.
import { expect } from '@open-wc/testing';
import { setFaults, setQuotas } from './harness/emulator-commands.js';
import { check, DURABLE } from './harness/matrix-test.js';

describe('fault matrix: the network between the phone and Firehose', () => {
  it('offline: every entrant sees "Saved on this device, sending…", then "You\'re in" once the network is back', async function () {
    await check(this, {
      name: 'offline',
      firstAnswer: 'queued',
      storage: DURABLE,
      async run(round) {
        const phones = await round.openPhones(round.size);
        await setFaults({ offline: true });
        await round.enter(phones);
        await setFaults({ offline: false });
        for (const phone of phones) phone.goOnline();
      },
    });
  });

  it('5xx: entries stored while Firehose answers 500/503 are sent by the retry timers once it recovers', async function () {
    await check(this, {
      name: '5xx',
      firstAnswer: 'queued',
      async run(round) {
        const phones = await round.openPhones(round.size);
        await setFaults({ serverErrorRate: 1 });
        await round.enter(phones);
        // Recovering in steps: half the calls still fail until half the entries are through.
        await setFaults({ serverErrorRate: 0.5 });
        await round.acknowledged(90_000, Math.ceil(round.size / 2));
      },
    });
  });

  it('whole-call throttling: "Slow down." on every call, then a 1 request/s quota per stream; all arrive', async function () {
    await check(this, {
      name: 'whole-call throttling',
      firstAnswer: 'queued',
      async run(round) {
        const phones = await round.openPhones(round.size);
        await setFaults({ throttleRate: 1 });
        await round.enter(phones);
        await setFaults({ throttleRate: 0 });
        await setQuotas({ requestsPerSecond: 1 });
        try {
          await round.acknowledged();
        } finally {
          await setQuotas({ requestsPerSecond: null });
        }
      },
    });
  });

  it('50% per-record failures: every entry arrives; "You\'re in" only after its own record was acknowledged', async function () {
    await check(this, {
      name: '50% per-record failures',
      firstAnswer: 'either',
      async run(round) {
        const phones = await round.openPhones(round.size);
        await setFaults({ recordFailureRate: 0.5 });
        await round.enter(phones);
        await round.acknowledged();
      },
    });
  });

  it('10 s latency: after the 3 s deadline entrants see "saved, sending…", then "You\'re in" when it lands', async function () {
    const waits: number[] = [];
    const { summary } = await check(this, {
      name: '10 s latency',
      firstAnswer: 'queued',
      settleTimeoutMs: 90_000,
      async run(round) {
        const phones = await round.openPhones(round.size);
        // The page loaded and the form was touched on a good network; the stadium network then slows to 10 s a call.
        await round.prefetch(phones);
        await setFaults({ latencyMs: 10_000 });
        const entrants = await round.enter(phones);
        for (const entrant of entrants) waits.push((entrant.sightings[0]?.at ?? 0) - entrant.submittedAt);
        await round.acknowledged(90_000);
      },
    });
    expect(summary.savedThenDelivered).to.equal(summary.entrants);
    // "Saved, sending…" came from the SDK's 3 s receipt deadline, long before the 10 s answer could.
    for (const wait of waits) expect(wait).to.be.within(2_900, 8_000);
  });
});
