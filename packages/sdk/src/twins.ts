// @campaign-entry/sdk/testing — in-memory twins of the client's I/O, for tests of code that uses the SDK: pass them as
// `transport` and `storage` to createCampaignClient; and `until`, to wait for what a test asserts. SDK code only (src/testing/ holds the SDK's own test helpers,
// which need the emulator and are not published).

export { createMemoryStore } from './adapters/memory-store.js';
export type { MemoryTransport, MemoryTransportBehaviour } from './adapters/transport.js';
export { createMemoryTransport } from './adapters/transport.js';
export { UNTIL_POLL_MS, until } from './adapters/until.js';
