// A simulated phone: a same-origin iframe holding pages/phone.html, which loads the BUILT script-tag bundle
// (packages/widget/dist/campaign-entry.js) and points <campaign-entry> at the emulator's Node server. Same-origin
// iframes share storage like tabs of one browser do, so two phones with the same campaign id are two tabs of one
// device, and phones with different campaign ids keep their entries apart like different devices.

import { until } from '@campaign-entry/sdk/testing';
import type { CampaignEntry } from '@campaign-entry/widget';

/** How the page's storage is broken before the widget loads. */
export const StorageMode = {
  /** IndexedDB and localStorage work. */
  Default: 'default',
  /** No IndexedDB: entries go to localStorage. */
  NoIndexedDb: 'no-indexeddb',
  /** No IndexedDB and localStorage throws on access: entries are kept in memory only. */
  None: 'none',
} as const;

/** One of {@link StorageMode}'s values. */
export type StorageMode = (typeof StorageMode)[keyof typeof StorageMode];

/** Where a phone's page sends entries and how its storage behaves. */
export interface PhoneOptions {
  /** The emulator's URL, for both the Cognito and the Firehose endpoint. */
  readonly endpoint: string;
  /** The element's campaign-id: phones sharing it share stored entries (tabs of one device). */
  readonly campaignId: string;
  /** @default 'entries-0,entries-1' */
  readonly streams?: string;
  /** @default 'default' */
  readonly storage?: StorageMode;
}

const PAGE = new URL('../pages/phone.html', import.meta.url);
/** Long enough for a cold WebKitGTK to load the bundle while two other engines share the machine's two cores. */
const LOAD_TIMEOUT_MS = 30_000;

/** A campaign page in an iframe. */
export class Phone {
  readonly frame: HTMLIFrameElement;
  readonly options: PhoneOptions;

  private constructor(frame: HTMLIFrameElement, options: PhoneOptions) {
    this.frame = frame;
    this.options = options;
  }

  /** Opens the campaign page and waits until the form is shown. */
  static async open(options: PhoneOptions): Promise<Phone> {
    const url = new URL(PAGE);
    url.searchParams.set('campaign', options.campaignId);
    url.searchParams.set('endpoint', options.endpoint);
    url.searchParams.set('streams', options.streams ?? 'entries-0,entries-1');
    url.searchParams.set('storage', options.storage ?? StorageMode.Default);
    const frame = document.createElement('iframe');
    frame.src = url.href;
    frame.width = '360';
    frame.height = '640';
    const phone = new Phone(frame, options);
    const loaded = phone.#loaded();
    document.body.append(frame);
    await loaded;
    await phone.#formShown();
    return phone;
  }

  /** The page's window. */
  get window(): Window & typeof globalThis {
    const win = this.frame.contentWindow;
    if (!win) throw new Error('The phone was closed');
    return win as Window & typeof globalThis;
  }

  /** The page's `<campaign-entry>`. */
  get element(): CampaignEntry {
    const element = this.window.document.querySelector('campaign-entry');
    if (!element) throw new Error('The phone page has no <campaign-entry>');
    return element as CampaignEntry;
  }

  /** Whether the iframe is still on the page. */
  get isOpen(): boolean {
    return this.frame.isConnected;
  }

  /** Reloads the page (what an entrant does when the page seems stuck) and waits for the form again. */
  async reload(): Promise<void> {
    const loaded = this.#loaded();
    this.window.location.reload();
    await loaded;
    await this.#formShown();
  }

  /** The entrant's first tap into the form: the widget starts loading the AWS code and fetching credentials. */
  touch(): void {
    this.element.shadowRoot?.querySelector<HTMLInputElement>('input')?.focus();
  }

  /** The device's network came back: browsers fire `online` on every page. */
  goOnline(): void {
    this.window.dispatchEvent(new this.window.Event('online'));
  }

  /** Closes the tab. */
  close(): void {
    this.frame.remove();
  }

  #loaded(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('The phone page did not load')), LOAD_TIMEOUT_MS);
      this.frame.addEventListener(
        'load',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  }

  async #formShown(): Promise<void> {
    await until(
      () => this.frame.contentDocument?.querySelector('campaign-entry')?.shadowRoot?.querySelector('form') != null,
      'the entry form to render in the phone page',
      LOAD_TIMEOUT_MS,
    );
  }
}
