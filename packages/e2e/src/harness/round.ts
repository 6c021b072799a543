// One round of a scenario: up to `roundSize` phones, one entrant each, and the waits a fault script needs.

import { until } from '@campaign-entry/sdk/testing';
import { acknowledgedCounts, emulatorStats } from './emulator-commands.js';
import { Entrant } from './entrant.js';
import type { ScenarioName } from './matrix.js';
import { Phone, type StorageMode } from './phone.js';

/** How many phones open at once (WebKitGTK and Firefox load the bundle slower than Chromium on two shared cores). */
const OPEN_WAVE = 5;
const runTag = Date.now().toString(36);

/** One round of a scenario: at most `roundSize` phones, each with one entrant. */
export class Round {
  readonly scenario: ScenarioName;
  readonly index: number;
  /** Entrants in this round. */
  readonly size: number;
  /** The emulator's URL. */
  readonly endpoint: string;
  readonly phones: Phone[] = [];
  readonly entrants: Entrant[] = [];

  constructor(scenario: ScenarioName, index: number, size: number, endpoint: string) {
    this.scenario = scenario;
    this.index = index;
    this.size = size;
    this.endpoint = endpoint;
  }

  /** A campaign id unique to this run, scenario, round and device: pages sharing one share stored entries. */
  campaignId(device: string | number): string {
    const slug = this.scenario.replace(/[^a-z0-9]+/giu, '-').replace(/^-|-$/gu, '');
    return `e2e-${slug}-${runTag}-r${this.index}-d${device}`;
  }

  /** Opens `count` phones, each its own device unless `device` says otherwise. */
  async openPhones(
    count: number,
    options: { storage?: StorageMode; device?: (index: number) => string | number } = {},
  ): Promise<Phone[]> {
    const opened: Phone[] = [];
    for (let start = 0; start < count; start += OPEN_WAVE) {
      const wave = Array.from({ length: Math.min(OPEN_WAVE, count - start) }, (_, offset) => {
        const index = this.phones.length + start + offset;
        return Phone.open({
          endpoint: this.endpoint,
          campaignId: this.campaignId(options.device?.(index) ?? index),
          ...(options.storage ? { storage: options.storage } : {}),
        });
      });
      opened.push(...(await Promise.all(wave)));
    }
    this.phones.push(...opened);
    return opened;
  }

  /** One entrant per phone, all typing and submitting at the same time (a halftime burst). */
  async enter(phones: readonly Phone[]): Promise<Entrant[]> {
    const tag = `${runTag}-r${this.index}`;
    const entrants = phones.map((phone, offset) => new Entrant(phone, this.entrants.length + offset, tag));
    this.entrants.push(...entrants);
    await Promise.all(entrants.map((entrant) => entrant.enter()));
    return entrants;
  }

  /** Entrants tap into their forms and wait until every page holds guest credentials (prefetched on first focus). */
  async prefetch(phones: readonly Phone[]): Promise<void> {
    const before = (await emulatorStats()).cognito.getCredentials;
    for (const phone of phones) phone.touch();
    await until(
      async () => (await emulatorStats()).cognito.getCredentials >= before + phones.length,
      `${phones.length} pages to fetch guest credentials`,
    );
  }

  /**
   * Waits until the emulator acknowledged `atLeast` of the round's entries (all by default), with whatever faults are
   * in force.
   */
  async acknowledged(timeoutMs = 90_000, atLeast = this.entrants.length): Promise<void> {
    const ids = this.entryIds();
    await until(
      async () => Object.values(await acknowledgedCounts(ids)).filter((count) => count > 0).length >= atLeast,
      `the emulator to acknowledge ${atLeast} of ${ids.length} entries`,
      timeoutMs,
    );
  }

  /** The entry ids of the round's entrants (those whose form made one). */
  entryIds(): string[] {
    return this.entrants.map((entrant) => entrant.entryId).filter((id): id is string => id !== undefined);
  }

  /** Closes every phone of the round. */
  close(): void {
    for (const phone of this.phones) phone.close();
  }
}
