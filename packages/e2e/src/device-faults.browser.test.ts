// The fault matrix, device part: the page reloaded while entries are stored or in flight, storage missing or broken,
// and two tabs of one device sharing a campaign's stored entries.
import { expect } from '@open-wc/testing';
import { setFaults } from './harness/emulator-commands.js';
import { campaignDatabase, holdIndexedDb } from './harness/indexeddb-hold.js';
import { check, DURABLE } from './harness/matrix-test.js';
import { type Phone, StorageMode } from './harness/phone.js';

describe('fault matrix: the device', () => {
  it('reload while stored: entries saved offline survive a reload and are sent by the reloaded page', async function () {
    await check(this, {
      name: 'reload while stored',
      firstAnswer: 'queued',
      storage: DURABLE,
      async run(round) {
        const phones = await round.openPhones(round.size);
        await setFaults({ offline: true });
        const entrants = await round.enter(phones);
        for (const entrant of entrants) entrant.leavePage();
        await Promise.all(phones.map((phone) => phone.reload()));
        for (const phone of phones) expect(phone.element.state, 'a reloaded page shows a fresh form').to.equal('ready');
        await setFaults({ offline: false });
      },
    });
  });

  it('answers lost, then reload: Firehose keeps every record but the phone never hears; duplicates only, none lost', async function () {
    const { summary } = await check(this, {
      name: 'answers lost, then reload',
      firstAnswer: 'queued',
      async run(round) {
        const phones = await round.openPhones(round.size);
        // Every PutRecordBatch is processed (records kept) and its answer dropped, as a flaky mobile network does.
        await setFaults({ responseDropRate: 1 });
        const entrants = await round.enter(phones);
        await round.acknowledged();
        for (const entrant of entrants) entrant.leavePage();
        await Promise.all(phones.map((phone) => phone.reload()));
        await setFaults({ responseDropRate: 0 });
      },
    });
    // Each entry reached Firehose before the reload and again after it: downstream dedupe by entryId is needed.
    expect(summary.duplicates).to.be.at.least(summary.entrants);
  });

  it('no IndexedDB: entries fall back to localStorage, survive a reload while offline, and arrive', async function () {
    await check(this, {
      name: 'no IndexedDB',
      firstAnswer: 'queued',
      storage: ['localstorage'],
      async run(round) {
        const phones = await round.openPhones(round.size, { storage: StorageMode.NoIndexedDb });
        for (const phone of phones) expect(phone.window.indexedDB).to.equal(undefined);
        await setFaults({ offline: true });
        const entrants = await round.enter(phones);
        for (const entrant of entrants) entrant.leavePage();
        await Promise.all(phones.map((phone) => phone.reload()));
        await setFaults({ offline: false });
      },
    });
  });

  it('no storage at all: entries are kept in memory while the page is open ("keep this page open") and arrive', async function () {
    await check(this, {
      name: 'no storage at all',
      firstAnswer: 'queued',
      storage: ['memory'],
      async run(round) {
        const phones = await round.openPhones(round.size, { storage: StorageMode.None });
        for (const phone of phones) expect(() => phone.window.localStorage).to.throw();
        await setFaults({ serverErrorRate: 1 });
        await round.enter(phones);
        await setFaults({ serverErrorRate: 0 });
      },
    });
  });

  it('two tabs: entries from both tabs of a device arrive, including those of a tab closed while they were stored', async function () {
    await check(this, {
      name: 'two tabs',
      firstAnswer: 'queued',
      storage: DURABLE,
      async run(round) {
        // Phones 2k and 2k+1 are two tabs of device k: same campaign, same stored entries.
        const tabs = await round.openPhones(round.size, { device: (index) => Math.floor(index / 2) });
        await setFaults({ offline: true });
        const entrants = await round.enter(tabs);
        // On every other device the second tab is closed with its entry still stored.
        const closed = entrants.filter((_, index) => index % 4 === 3);
        for (const entrant of closed) {
          entrant.leavePage();
          entrant.phone.close();
        }
        await setFaults({ offline: false });
        // The network comes back; only the first tab of each device hears about it.
        for (const [index, tab] of tabs.entries()) if (index % 2 === 0) tab.goOnline();
      },
    });
  });

  it('slow IndexedDB in one tab: what another tab stored in IndexedDB is sent by a tab whose IndexedDB answered late', async function () {
    await check(this, {
      name: 'slow IndexedDB in one tab',
      firstAnswer: 'queued',
      storage: DURABLE,
      async run(round) {
        // Device k: tab 2k opens normally; then its IndexedDB gets slow (a version change waits on that tab), so tab
        // 2k+1's 2 s probe gives up and it keeps entries in localStorage.
        const first: Phone[] = [];
        const late: Phone[] = [];
        for (let index = 0; index < round.size; index += 2) {
          const device = index / 2;
          const [tab] = (await round.openPhones(1, { device: () => device })) as [Phone];
          first.push(tab);
          if (index + 1 >= round.size) continue;
          await round.prefetch([tab]); // its client has opened IndexedDB by the time it holds credentials
          await holdIndexedDb(campaignDatabase(round.campaignId(device)));
          late.push(...(await round.openPhones(1, { device: () => device })));
        }
        await setFaults({ offline: true });
        const entrants = await round.enter(round.phones);
        // The first tab of each pair closes with its entry stored in IndexedDB; the network comes back.
        for (const entrant of entrants) {
          const pair = first.indexOf(entrant.phone);
          if (pair === -1 || pair >= late.length) continue;
          entrant.leavePage();
          entrant.phone.close();
        }
        await setFaults({ offline: false });
        for (const tab of round.phones) if (tab.isOpen) tab.goOnline();
      },
    });
  });
});
