// The fault matrix, identity part: Cognito refusing guest credentials, every credential expiring mid-run, and a
// device clock 15 minutes off AWS's (signatures "expired" until the SDK corrects its clock from the answer).

import { until } from '@campaign-entry/sdk/testing';
import { emulatorStats, expireCredentials, setFaults } from './harness/emulator-commands.js';
import { cacheIdentityId, forgetIdentityId } from './harness/identity-store.js';
import { check } from './harness/matrix-test.js';

/** An identity id of the emulator's pool that this emulator never issued (as after identities were deleted). */
const UNKNOWN_IDENTITY = 'us-east-1:11111111-1111-4111-8111-111111111111';

describe('fault matrix: guest credentials and signatures', () => {
  it('Cognito throttling: entries wait on the device while GetId/GetCredentialsForIdentity are refused; all arrive', async function () {
    await check(this, {
      name: 'Cognito throttling',
      firstAnswer: 'queued',
      async run(round) {
        const phones = await round.openPhones(round.size);
        await setFaults({ cognitoThrottleRate: 1 });
        await round.enter(phones);
        // Cognito recovers partly: half its answers are still "Rate exceeded" until half the entries are through.
        await setFaults({ cognitoThrottleRate: 0.5 });
        await round.acknowledged(90_000, Math.ceil(round.size / 2));
      },
    });
  });

  it('credentials expiring mid-run: entrants after the expiry are still delivered, none lost', async function () {
    await check(this, {
      name: 'credentials expire mid-run',
      firstAnswer: 'either',
      async run(round) {
        const phones = await round.openPhones(round.size);
        // Every page holds credentials before they all expire at once.
        await round.prefetch(phones);
        const half = Math.ceil(phones.length / 2);
        await round.enter(phones.slice(0, half));
        await expireCredentials();
        await round.enter(phones.slice(half));
      },
    });
  });

  it("clock 15 min ahead: AWS's clock runs 15 minutes ahead of the phones'; the SDK corrects and delivers", async function () {
    await check(this, {
      name: 'clock 15 min ahead',
      firstAnswer: 'either',
      async run(round) {
        const phones = await round.openPhones(round.size);
        await setFaults({ serverClockOffsetMs: 15 * 60_000 });
        await round.enter(phones);
        await round.acknowledged();
      },
    });
  });

  it("clock 15 min behind: AWS's clock runs 15 minutes behind the phones'; the SDK corrects and delivers", async function () {
    await check(this, {
      name: 'clock 15 min behind',
      firstAnswer: 'either',
      async run(round) {
        const phones = await round.openPhones(round.size);
        await setFaults({ serverClockOffsetMs: -15 * 60_000 });
        await round.enter(phones);
        await round.acknowledged();
      },
    });
  });

  it('identity unknown to Cognito: a cached identity id another tab already dropped is replaced, not reported as a broken pool', async function () {
    await check(this, {
      name: 'identity unknown to Cognito',
      firstAnswer: 'queued',
      async run(round) {
        // The origin's cached guest identity is one Cognito no longer knows.
        await cacheIdentityId(UNKNOWN_IDENTITY);
        const phones = await round.openPhones(round.size);
        // Every page asks for credentials for that identity while Cognito is busy ("Rate exceeded").
        await setFaults({ cognitoThrottleRate: 1 });
        const throttled = (await emulatorStats()).cognito.throttled;
        for (const phone of phones) phone.touch();
        await until(
          async () => (await emulatorStats()).cognito.throttled >= throttled + phones.length,
          'every page to try the cached identity',
        );
        await round.enter(phones);
        // Another tab has just learned the identity is gone and dropped it (and not yet stored a new one).
        await forgetIdentityId();
        await setFaults({ cognitoThrottleRate: 0 });
      },
    });
  });
});
