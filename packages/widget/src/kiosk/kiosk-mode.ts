// <campaign-entry kiosk>: one tablet, one entrant after another. Loaded only when the attribute is there, so phones
// never download it. Each entrant gets a brand-new element (nothing typed survives in the DOM, no per-entrant state
// such as an age notice carries over); all of them share one SDK client, so entries keep flowing while people queue.
import { type CampaignClient, createCampaignClient } from '@campaign-entry/sdk';
import { parseFieldList, storageKey } from '@campaign-entry/sdk/rules';
import { type KioskOptions, readKioskOptions } from './kiosk-options.js';
import type { StaffFacts } from './staff-facts.js';
import { openStaffView } from './staff-view.js';

/** Timers and clock, injectable so tests control them. */
export interface KioskTime {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

const realTime: KioskTime = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/** The element as the kiosk sees it (its public surface only). */
type Entry = HTMLElement & { client?: CampaignClient; readonly state?: string };

/** A tablet's session for one campaign: the shared client and what staff are shown. */
interface Session {
  readonly client: CampaignClient;
  lastDeliveryAt: number | undefined;
}

const sessions = new Map<string, Session>();
/** States after a submit: the confirmation (or the polite age notice) for this entrant, then the next one's form. */
const FINISHED = new Set(['delivered', 'queued', 'ineligible']);
/** Holding the pointer down this long on the element opens the staff view. */
const LONG_PRESS_MS = 1500;

function sessionFor(element: Entry, options: KioskOptions): Session {
  const campaignId = element.getAttribute('campaign-id') ?? '';
  const existing = sessions.get(campaignId);
  if (existing) return existing;
  const attribute = (name: string) => element.getAttribute(name) ?? '';
  const minAge = element.getAttribute('min-age');
  const cognito = element.getAttribute('cognito-endpoint');
  const firehose = element.getAttribute('firehose-endpoint');
  const client =
    element.client ??
    createCampaignClient({
      region: attribute('region'),
      identityPoolId: attribute('identity-pool-id'),
      deliveryStreams: attribute('delivery-stream'),
      campaignId,
      fields: parseFieldList(element.getAttribute('fields') ?? undefined).fields,
      ...(minAge === null ? {} : { minAge: Number(minAge) }),
      endpoints: { ...(cognito ? { cognito } : {}), ...(firehose ? { firehose } : {}) },
      maxStoredEntries: options.maxStoredEntries,
      // The next person is waiting: "saved, sending" after a short wait is the honest answer offline.
      receiptTimeoutMs: 1500,
    });
  const session: Session = { client, lastDeliveryAt: undefined };
  client.on('delivered', () => {
    session.lastDeliveryAt = Date.now();
  });
  // Ask the browser not to evict the queue under storage pressure (granted to installed or engaged sites).
  void navigator.storage?.persist?.().catch(() => false);
  sessions.set(campaignId, session);
  return session;
}

/** No autofill and no suggestions: the next entrant must not see the last one's answers. */
function noAutofill(root: ParentNode): void {
  for (const input of root.querySelectorAll('input')) {
    if (input.getAttribute('autocomplete') !== 'off') input.setAttribute('autocomplete', 'off');
    input.setAttribute('autocorrect', 'off');
  }
  root.querySelector('form')?.setAttribute('autocomplete', 'off');
}

/** What the staff view shows, read now. */
async function facts(session: Session, options: KioskOptions): Promise<StaffFacts> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return {
    pending: await session.client.pending(),
    maxStoredEntries: options.maxStoredEntries,
    lastDeliveryAt: session.lastDeliveryAt,
    usedBytes: estimate?.usage,
    quotaBytes: estimate?.quota,
  };
}

/**
 * Turns `element` into a kiosk: autofill off, a fresh element for each entrant after the confirmation
 * (`kiosk-reset-seconds`) or when a half-filled form is abandoned (`kiosk-idle-seconds`), and the staff view (a long
 * press on the element, or Ctrl+Shift+S, then `staff-pin`). Returns a function that stops it (the element's
 * disconnection does too).
 */
export function startKiosk(element: Entry, time: KioskTime = realTime): () => void {
  const options = readKioskOptions(element);
  let session: Session;
  try {
    session = sessionFor(element, options);
  } catch {
    // An unusable configuration: the element says what is wrong with its own client.
    return () => {};
  }
  if (element.client !== session.client) element.client = session.client;
  let resetTimer: unknown;
  let idleTimer: unknown;
  let pressTimer: unknown;
  const root = element.shadowRoot;

  /** The next entrant's form: a new element with the same attributes and client, in the same place. */
  const next = () => {
    stop();
    // A shared tablet: one entrant's "not eligible" is not the next one's (the element skips the flag in kiosk mode;
    // clearing it keeps it off the device for a later visit without the kiosk attribute too).
    try {
      localStorage.removeItem(storageKey(element.getAttribute('campaign-id') ?? '', 'ineligible'));
    } catch {
      // Storage blocked: nothing was kept.
    }
    const fresh = element.cloneNode(false) as Entry;
    fresh.client = session.client;
    element.replaceWith(fresh);
  };
  const watch = () => {
    if (root) noAutofill(root);
    const state = element.getAttribute('state') ?? '';
    if (FINISHED.has(state)) {
      time.clear(resetTimer);
      resetTimer = time.set(next, options.resetMs);
    }
  };
  // Any touch or keystroke restarts the idle clock; when it runs out with something typed, the form is emptied.
  const touched = () => {
    time.clear(idleTimer);
    idleTimer = time.set(() => {
      if (!FINISHED.has(element.getAttribute('state') ?? '')) next();
    }, options.idleMs);
  };
  const staff = () => void openStaffView(options.staffPin, () => facts(session, options), session.client);
  const pressed = () => {
    time.clear(pressTimer);
    pressTimer = time.set(staff, LONG_PRESS_MS);
  };
  const released = () => time.clear(pressTimer);
  const shortcut = (event: KeyboardEvent) => {
    if (event.ctrlKey && event.shiftKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      staff();
    }
  };
  const observer = new MutationObserver(watch);
  observer.observe(element, { attributes: true, attributeFilter: ['state'] });
  if (root) observer.observe(root, { childList: true, subtree: true });
  element.addEventListener('input', touched);
  element.addEventListener('pointerdown', pressed);
  element.addEventListener('pointerup', released);
  element.addEventListener('pointercancel', released);
  document.addEventListener('keydown', shortcut);
  watch();

  function stop(): void {
    observer.disconnect();
    for (const timer of [resetTimer, idleTimer, pressTimer]) time.clear(timer);
    element.removeEventListener('input', touched);
    element.removeEventListener('pointerdown', pressed);
    element.removeEventListener('pointerup', released);
    element.removeEventListener('pointercancel', released);
    document.removeEventListener('keydown', shortcut);
  }
  return stop;
}

/** Ends every kiosk session of this page (as closing the page would): their clients are disposed, entries stay stored. */
export function endKioskSessions(): void {
  for (const session of sessions.values()) session.client.dispose();
  sessions.clear();
}
