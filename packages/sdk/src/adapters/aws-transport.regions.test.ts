// Identity pools in several regions, through the real AWS SDK against the emulator's Node server: one endpoint serves
// every pool (the emulator tells them apart by id), as the page's endpoint override does.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RunningEmulator, startEmulator } from '@campaign-entry/emulator/server';
import { cognitoIdentityKey, storageKey } from '../core/storage-keys.js';
import { createAwsTransport } from './aws-transport.js';
import type { KeyValueStore } from './entry-store.js';
import { createMemoryKeyValueStore } from './memory-store.js';

const EAST_1 = 'us-east-1:00000000-0000-4000-8000-000000000001';
const EAST_2 = 'us-east-2:00000000-0000-4000-8000-000000000002';
const WEST_2 = 'us-west-2:00000000-0000-4000-8000-000000000003';
const POOLS = [EAST_1, EAST_2, WEST_2] as const;
const CAMPAIGN = 'regions-test';

let running: RunningEmulator;
let seeds = 0;

function transport(store: KeyValueStore, pools: readonly [string, ...string[]] = POOLS) {
  return createAwsTransport({
    region: 'us-east-1',
    identityPoolIds: pools,
    campaignId: CAMPAIGN,
    endpoints: { cognito: running.url, firehose: running.url },
    identityStore: store,
    // Seeds that hash to the first pool or not alike: every device must end up somewhere that serves.
    randomId: () => `seed-${seeds++}`,
  });
}

async function deliver(store: KeyValueStore, line: string, pools?: readonly [string, ...string[]]): Promise<void> {
  const results = await transport(store, pools).putRecordBatch('entries-0', [line]);
  assert.equal(results[0]?.ok, true);
}

const identityOf = (store: KeyValueStore, pool: string) => store.getItem(cognitoIdentityKey(pool));

describe('AWS transport with identity pools in several regions', () => {
  before(async () => {
    running = await startEmulator({
      // us-east-1's GetId is always throttled: quota 0.
      pools: [
        { id: EAST_1, quotas: { getIdPerSecond: 0 } },
        { id: EAST_2, region: 'us-east-2' },
        { id: WEST_2, region: 'us-west-2' },
      ],
      quotas: { getIdPerSecond: false },
      tickIntervalMs: 60_000,
    });
  });
  after(() => running.close());

  it('delivers through the next region when the first region throttles GetId', async () => {
    const devices = Array.from({ length: 8 }, () => createMemoryKeyValueStore());
    await Promise.all(devices.map((device, index) => deliver(device, `{"n":${index}}\n`)));
    for (const device of devices) {
      const pool = await device.getItem(storageKey(CAMPAIGN, 'identity-pool'));
      assert.ok(pool === EAST_2 || pool === WEST_2, `kept ${pool}`);
      assert.equal(await identityOf(device, EAST_1), null, 'no identity from the throttled pool');
    }
    const acknowledged = running.emulator.records('entries-0').map((record) => record.data);
    for (let index = 0; index < devices.length; index++) assert.ok(acknowledged.includes(`{"n":${index}}\n`));
  });

  it('keeps its pool and identity across visits, with no second GetId', async () => {
    const device = createMemoryKeyValueStore();
    await deliver(device, '{"visit":1}\n');
    const pool = await device.getItem(storageKey(CAMPAIGN, 'identity-pool'));
    const identity = await identityOf(device, pool ?? '');
    const getIds = running.emulator.stats().cognito.getId;
    await deliver(device, '{"visit":2}\n');
    assert.equal(await device.getItem(storageKey(CAMPAIGN, 'identity-pool')), pool);
    assert.equal(await identityOf(device, pool ?? ''), identity);
    assert.equal(running.emulator.stats().cognito.getId, getIds, 'the stored identity was reused');
  });

  it('keeps one identity per pool, each from its own region, never one pool’s id under another', async () => {
    const device = createMemoryKeyValueStore();
    await device.setItem(storageKey(CAMPAIGN, 'identity-pool'), EAST_2);
    await deliver(device, '{"pool":"east-2"}\n');
    await device.setItem(storageKey(CAMPAIGN, 'identity-pool'), WEST_2);
    await deliver(device, '{"pool":"west-2"}\n');
    const east2 = await identityOf(device, EAST_2);
    const west2 = await identityOf(device, WEST_2);
    assert.match(east2 ?? '', /^us-east-2:/u);
    assert.match(west2 ?? '', /^us-west-2:/u);
    await device.setItem(storageKey(CAMPAIGN, 'identity-pool'), EAST_2);
    await deliver(device, '{"pool":"east-2 again"}\n');
    assert.equal(await identityOf(device, EAST_2), east2, 'back on us-east-2 with its own identity');
  });

  it('still uses a single pool as before, storing no choice', async () => {
    const device = createMemoryKeyValueStore();
    await deliver(device, '{"single":true}\n', [EAST_2]);
    assert.equal(await device.getItem(storageKey(CAMPAIGN, 'identity-pool')), null);
    assert.match((await identityOf(device, EAST_2)) ?? '', /^us-east-2:/u);
  });

  it('gives up after trying every pool once when all throttle, and keeps no identity', async () => {
    running.emulator.setQuotas({ getIdPerSecond: 0 });
    try {
      const device = createMemoryKeyValueStore();
      const attempt = transport(device).putRecordBatch('entries-0', ['{"all":"throttled"}\n']);
      await assert.rejects(attempt, { name: 'TooManyRequestsException' });
      for (const pool of POOLS) assert.equal(await identityOf(device, pool), null);
    } finally {
      running.emulator.setQuotas({ getIdPerSecond: false });
    }
  });
});
