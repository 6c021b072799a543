// A simulated entrant: types into the form inside a phone page as a person would (focus, one `input` event per
// character, `change`, leaving the box), ticks the rules box, taps Submit, and writes down what the page told them and
// when. Each time the page says "You're in", the emulator is asked at once whether it really holds the record.

import { until } from '@campaign-entry/sdk/testing';
import type { CampaignEntry, CampaignEntryErrorEvent, CampaignEntryQueuedEvent } from '@campaign-entry/widget';
import { en } from '@campaign-entry/widget';
import { acknowledgedCounts } from './emulator-commands.js';
import type { Phone } from './phone.js';

/** Something the page showed the entrant. */
export interface Sighting {
  readonly kind: 'queued' | 'delivered' | 'invalid' | 'error';
  /** `Date.now()` when the event fired. */
  readonly at: number;
  /** Storage named by a `queued` event. */
  readonly storage?: string;
  /** Error code of an `error` event. */
  readonly code?: string;
  /** The panel heading on screen right after the event (delivered/queued). */
  heading?: string;
  /** For `delivered`: how many records the emulator held for this entry right when the page said so. */
  acknowledged?: number;
}

const FIRST_NAMES = ['Zoë', 'José', 'Ada', 'Ngozi', 'Søren', 'Mei', 'Aroha', 'Ísak'] as const;
const LAST_NAMES = ['Okafor', 'Núñez', 'Lovelace', 'Hämäläinen', "O'Brien", 'Tanaka', 'Dubois'] as const;

/** Letters for a number (0 → "a", 27 → "bb"), so names stay names and are unique per scenario. */
function letters(n: number): string {
  return String.fromCharCode(97 + (n % 26)).repeat(Math.floor(n / 26) + 1);
}

/** Waits longer than the SDK's 3 s receipt deadline, with room for a loaded machine. */
const FIRST_ANSWER_TIMEOUT_MS = 30_000;

/** One person entering through one phone. */
export class Entrant {
  readonly name: string;
  readonly email: string;
  readonly phone: Phone;
  /** The entry id the page stored the entry under (known once the form is touched). */
  entryId: string | undefined;
  /** `Date.now()` when Submit was tapped. */
  submittedAt = 0;
  /** What the page showed, in order. */
  readonly sightings: Sighting[] = [];
  /** The page was reloaded or closed before it showed the final outcome: only the emulator can tell. */
  pageGone = false;
  readonly #checks: Promise<void>[] = [];
  readonly #detach: (() => void)[] = [];
  // A page that is reloaded or closed never settles its pending promises (its realm stops running jobs).
  readonly #left: Promise<void>;
  #leave: () => void = () => {};

  constructor(phone: Phone, index: number, tag: string) {
    this.phone = phone;
    this.name = `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[index % LAST_NAMES.length]}-${letters(index)}`;
    this.email = `entrant.${index}.${tag}@example.com`.toLowerCase();
    this.#left = new Promise((resolve) => {
      this.#leave = resolve;
    });
  }

  /** Fills in the form, ticks the rules box, taps Submit; resolves once the page answers (queued, delivered…). */
  async enter(): Promise<void> {
    const element = this.phone.element;
    this.#watch(element);
    await this.#type(element, 'name', this.name);
    await this.#type(element, 'email', this.email);
    this.#box(element, 'consent').click();
    await element.updateComplete;
    this.entryId = element.entryId;
    this.submittedAt = Date.now();
    this.#box(element, 'button[type="submit"]').click();
    await until(() => this.sightings.length > 0, `${this.name}'s page to answer the submit`, FIRST_ANSWER_TIMEOUT_MS);
    await this.checked(); // the heading on screen is read before anyone reloads or closes the page
  }

  /** The first thing the page said after Submit. */
  get firstAnswer(): Sighting['kind'] | undefined {
    return this.sightings[0]?.kind;
  }

  /** Whether the page said "You're in". */
  get shownDelivered(): boolean {
    return this.sightings.some((sighting) => sighting.kind === 'delivered');
  }

  /** The page is about to go away (reload, tab closed): stop watching it. */
  leavePage(): void {
    this.pageGone = true;
    this.#leave();
    for (const detach of this.#detach.splice(0)) detach();
  }

  /** Waits until every "is it really there?" check started by a sighting has answered. */
  async checked(): Promise<void> {
    await Promise.race([Promise.all(this.#checks), this.#left]);
  }

  #watch(element: CampaignEntry): void {
    const seen = (sighting: Sighting, heading: boolean) => {
      this.sightings.push(sighting);
      if (heading) {
        this.#checks.push(
          element.updateComplete.then(() => {
            sighting.heading = element.shadowRoot?.querySelector('h2')?.textContent?.trim() ?? '';
          }),
        );
      }
    };
    const onDelivered = (event: Event) => {
      const { entryId } = (event as CustomEvent<{ entryId: string }>).detail;
      const sighting: Sighting = { kind: 'delivered', at: Date.now() };
      seen(sighting, true);
      // "You're in" must mean Firehose already acknowledged it: ask the emulator now, before anything else happens.
      this.#checks.push(
        acknowledgedCounts([entryId]).then((counts) => {
          sighting.acknowledged = counts[entryId] ?? 0;
        }),
      );
    };
    const onQueued = (event: Event) => {
      const { storage } = (event as CampaignEntryQueuedEvent).detail;
      seen({ kind: 'queued', at: Date.now(), storage }, true);
    };
    const onInvalid = () => seen({ kind: 'invalid', at: Date.now() }, false);
    const onError = (event: Event) => {
      const { error } = (event as CampaignEntryErrorEvent).detail;
      seen({ kind: 'error', at: Date.now(), code: error.code }, false);
    };
    const listeners: [string, (event: Event) => void][] = [
      ['campaign-entry-delivered', onDelivered],
      ['campaign-entry-queued', onQueued],
      ['campaign-entry-invalid', onInvalid],
      ['campaign-entry-error', onError],
    ];
    for (const [name, listener] of listeners) element.addEventListener(name, listener);
    this.#detach.push(() => {
      for (const [name, listener] of listeners) element.removeEventListener(name, listener);
    });
  }

  #box<T extends HTMLElement = HTMLInputElement>(element: CampaignEntry, selector: string): T {
    const found = element.shadowRoot?.querySelector<T>(selector.startsWith('button') ? selector : `#${selector}`);
    if (!found) throw new Error(`The form has no ${selector}`);
    return found;
  }

  async #type(element: CampaignEntry, id: string, text: string): Promise<void> {
    const win = this.phone.window;
    const input = this.#box(element, id);
    input.focus();
    for (const character of text) {
      input.value += character;
      input.dispatchEvent(
        new win.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: character }),
      );
    }
    input.dispatchEvent(new win.Event('change', { bubbles: true }));
    input.blur();
    await element.updateComplete;
  }
}

/** The headings an entrant reads: "You're in!" and "Saved on this device, sending…". */
export const HEADINGS = { delivered: en.deliveredTitle, queued: en.queuedTitle } as const;
