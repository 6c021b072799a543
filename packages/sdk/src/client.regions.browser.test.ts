// Identity pools in several regions in real browsers: each pool's Cognito is asked at its own region's AWS endpoint
// (msw answers cognito-identity.<region>.amazonaws.com for every pool), Firehose stays in us-east-1.
import { expect } from '@open-wc/testing';
import { createStore, delMany, get, set } from 'idb-keyval';
import { cognitoIdentityKey, storageKey } from './core/storage-keys.js';
import {
  disposeClients,
  emulatorClient,
  freshCampaignId,
  until,
  useEmulator,
  validEntry,
} from './testing/browser-emulator.js';

const EAST_1 = 'us-east-1:00000000-0000-4000-8000-000000000001';
const EAST_2 = 'us-east-2:00000000-0000-4000-8000-000000000002';
const WEST_2 = 'us-west-2:00000000-0000-4000-8000-000000000003';

const POOLS = [EAST_1, EAST_2, WEST_2];
/** The origin's identity store, where the SDK keeps one Cognito identity id per pool. */
const identityStore = createStore(storageKey('identity'), 'ids');
const storedIdentities = () => Promise.all(POOLS.map((pool) => get<string>(cognitoIdentityKey(pool), identityStore)));

/** An emulator whose us-east-1 pool always throttles GetId (quota 0). */
const regions = () =>
  useEmulator({
    pools: [
      { id: EAST_1, quotas: { getIdPerSecond: 0 } },
      { id: EAST_2, region: 'us-east-2' },
      { id: WEST_2, region: 'us-west-2' },
    ],
  });

describe('createCampaignClient with identity pools in several regions', () => {
  afterEach(() => disposeClients());
  // A fresh emulator knows no identity an earlier test stored.
  beforeEach(() => delMany(POOLS.map(cognitoIdentityKey), identityStore));

  it('delivers through the second region when the first region throttles GetId', async () => {
    const emulator = await regions();
    // A device that chose us-east-1: it must move on to deliver at all.
    const campaignId = freshCampaignId();
    await set(storageKey(campaignId, 'identity-pool'), EAST_1, identityStore);
    const client = emulatorClient({ campaignId, identityPoolId: `${EAST_1},${EAST_2}` });
    const receipt = await client.submit(validEntry());
    expect(receipt.status).to.equal('delivered');
    expect(emulator.records()).to.have.length(1);
    expect(emulator.stats().cognito.throttled).to.be.greaterThan(0);
    expect(emulator.stats().cognito.getId).to.equal(1);
    expect(await get(storageKey(campaignId, 'identity-pool'), identityStore), 'kept for the next visit').to.equal(
      EAST_2,
    );
  });

  it('keeps its pool and identity across visits, asking GetId once, and never mixes pools', async () => {
    const emulator = await regions();
    const campaignId = freshCampaignId();
    const pools = [EAST_1, EAST_2, WEST_2].join(',');
    const first = emulatorClient({ campaignId, identityPoolId: pools });
    expect((await first.submit(validEntry())).status).to.equal('delivered');
    first.dispose();
    const second = emulatorClient({ campaignId, identityPoolId: pools });
    expect((await second.submit(validEntry('Grace Hopper'))).status).to.equal('delivered');
    await until(() => emulator.records().length === 2, 'both entries');
    expect(emulator.stats().cognito.getId, 'one GetId for both visits').to.equal(1);
    const ids = await storedIdentities();
    expect(ids[0], 'nothing from the throttled pool').to.equal(undefined);
    expect(ids.filter((id) => id !== undefined)).to.have.length(1);
    ids.forEach((id, index) => {
      if (id !== undefined)
        expect(id.split(':')[0], 'an identity of its own pool region').to.equal(POOLS[index]?.split(':')[0]);
    });
  });
});
