// The element: it owns the form's state, draws every panel and dispatches every event. What needs the SDK (its client,
// validation, submit) is the FormController in form-controller.ts, loaded right after the first render; its methods
// return outcomes, which the element shows. Only small, dependency-free parts of the SDK are imported here.
import type { CampaignClient } from '@campaign-entry/sdk';
// The first chunk imports the SDK's narrow entry points, not the main and rules barrels: a bundler that splits by the
// files an import reaches (esbuild) would load the client with the element through them.
import { CampaignEntryError } from '@campaign-entry/sdk/errors';
import { type FieldSpec, parseFieldList } from '@campaign-entry/sdk/fields';
import type { EntryRecord } from '@campaign-entry/sdk/rules';
import { saveUnsent, type UnsentForm } from '@campaign-entry/sdk/stash';
import { storageKey } from '@campaign-entry/sdk/storage-keys';
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { datePartName, toIsoDate } from './birth-date.js';
import { styles } from './campaign-entry.styles.js';
import { loadController } from './controller-loader.js';
import { type EntryWindow, msUntilChange, parseWindow, WindowState, windowState } from './entry-window.js';
import type { ClientNews, FormController } from './form-controller.js';
import { formFields } from './form-fields.js';
import { FormState, type Update, type View } from './form-state.js';
import type { PageProblem } from './page-problems.js';
import { type Locale, loadedStrings, loadStrings, pickLocale } from './strings/locale.js';
import type { CampaignEntryStrings } from './strings/strings.js';

// Attributes that make a new SDK client when they change (the links too: the controller checks them, see pageProblems).
const CLIENT_KEYS = [
  'client',
  'region',
  'identityPoolId',
  'deliveryStream',
  'campaignId',
  'fields',
  'minAge',
  'country',
  'cognitoEndpoint',
  'firehoseEndpoint',
  'rulesUrl',
  'privacyUrl',
  'timeZone',
] as const;
const PAGE_KEYS = ['opensAt', 'closesAt'] as const;
// setTimeout's longest delay; a window further away is re-checked after it.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A complete, accessible competition entry form that validates with the SDK's rules, stores each entry on the device
 * before sending it, and tells the entrant plainly where their entry is.
 *
 * @summary Sign-up competition entry form: fields, consent, validation and reliable delivery to Kinesis Data Firehose.
 *
 * @fires {CampaignEntryDeliveredEvent} campaign-entry-delivered - Firehose acknowledged the entry (`detail: {entryId}`;
 * the record: `record`).
 * @fires {CampaignEntryQueuedEvent} campaign-entry-queued - The entry is saved on the device and still being sent
 * (`detail: {entryId, storage}`).
 * @fires {CampaignEntryInvalidEvent} campaign-entry-invalid - A submit was refused by validation
 * (`detail: {entryId, issues}`).
 * @fires {CampaignEntryErrorEvent} campaign-entry-error - The configuration is unusable, an entry could not be kept, or
 * AWS refuses entries for a reason an operator must fix (`detail: {entryId?, error, stored}`).
 *
 * @csspart form - The `<form>`.
 * @csspart field - The wrapper of one field (label, input, hint, error).
 * @csspart label - A field's label (the date of birth's legend and box labels too).
 * @csspart input - A text input.
 * @csspart hint - The hint under the date of birth's legend.
 * @csspart error - A field's error message.
 * @csspart consent - The row of the required rules checkbox.
 * @csspart opt-in - The row of the optional marketing checkbox.
 * @csspart checkbox - Both checkboxes.
 * @csspart link - The rules and privacy links.
 * @csspart button - The submit button.
 * @csspart alert - The message shown when an entry could not be saved.
 * @csspart message - A panel shown instead of the form (delivered, queued, not open, closed, ineligible, misconfigured).
 * @csspart heading - A panel's heading.
 * @csspart summary - The error summary above a refused form (a linked list of the problems).
 * @csspart status - The live region that announces progress and error summaries.
 *
 * @cssproperty --campaign-entry-accent - Button and focus ring colour.
 * @cssproperty --campaign-entry-accent-text - Text on the button (on the page's own accent, black or white: whichever reads better).
 * @cssproperty --campaign-entry-background - Background of the form and its inputs.
 * @cssproperty --campaign-entry-text - Text colour.
 * @cssproperty --campaign-entry-muted - Hint text colour.
 * @cssproperty --campaign-entry-border - Input border colour.
 * @cssproperty --campaign-entry-error - Error text and invalid border colour.
 * @cssproperty --campaign-entry-success - "You're in" heading colour.
 * @cssproperty --campaign-entry-radius - Corner radius of the form, inputs and button.
 * @cssproperty --campaign-entry-gap - Space between fields.
 * @cssproperty --campaign-entry-padding - Padding around the form.
 * @cssproperty --campaign-entry-font - Font family.
 */
export class CampaignEntry extends LitElement {
  static override styles = styles;

  static override properties = {
    region: {},
    identityPoolId: { attribute: 'identity-pool-id' },
    deliveryStream: { attribute: 'delivery-stream' },
    campaignId: { attribute: 'campaign-id' },
    fields: {},
    minAge: { attribute: 'min-age', type: Number },
    country: {},
    rulesUrl: { attribute: 'rules-url' },
    privacyUrl: { attribute: 'privacy-url' },
    locale: {},
    locales: {},
    opensAt: { attribute: 'opens-at' },
    closesAt: { attribute: 'closes-at' },
    timeZone: { attribute: 'time-zone' },
    nextSteps: { attribute: 'next-steps' },
    cognitoEndpoint: { attribute: 'cognito-endpoint' },
    firehoseEndpoint: { attribute: 'firehose-endpoint' },
    client: { attribute: false },
    strings: { attribute: false },
  };

  /** AWS region of the identity pool and the delivery streams, e.g. `us-east-1`. */
  region?: string;
  /** Cognito identity pool id (`<region>:<uuid>`) with guest access. */
  identityPoolId?: string;
  /** One Firehose delivery stream name, or a comma list to spread entries over several. */
  deliveryStream?: string;
  /** Written into every record; also names the on-device storage. */
  campaignId?: string;
  /** Comma list of fields to ask for, from `name,email,phone,postal-code,birth-date`. @default 'name,email' */
  fields?: string;
  /** Minimum age in years when `birth-date` is asked. @default 21 */
  minAge?: number;
  /** The country whose postal codes `postal-code` takes: `US` takes ZIP codes (12345 or 12345-6789). @default any */
  country?: string;
  /** Official rules the entrant accepts (required). */
  rulesUrl?: string;
  /** Privacy notice linked beside the rules. */
  privacyUrl?: string;
  /** `en` or `es`. @default the page's `lang`, else the browser's languages, else `en` */
  locale?: string;
  /**
   * Comma list of the languages the campaign offers, e.g. `en,es`: with two or more the form shows a language switch
   * and starts in the entrant's own (the browser's languages, then the page's `lang`); the choice is kept for the visit.
   */
  locales?: string;
  /** ISO date-time with a time zone before which the form is not shown. */
  opensAt?: string;
  /** ISO date-time with a time zone from which the form is not shown. */
  closesAt?: string;
  /**
   * The campaign's IANA time zone, e.g. `America/New_York`: opening and closing times are said in it, and in the
   * entrant's own when that differs. @default the entrant's
   */
  timeZone?: string;
  /** What happens next, under "You're in" (the draw, how winners are contacted), in the page's words. */
  nextSteps?: string;
  /** Cognito Identity endpoint override (the local emulator). */
  cognitoEndpoint?: string;
  /** Firehose endpoint override (the local emulator). */
  firehoseEndpoint?: string;
  /** An existing SDK client to use instead of one made from the attributes. The element never disposes it. */
  client?: CampaignClient;
  /** Copy overrides, merged over the locale's copy. @example `{ submit: 'Count me in' }` */
  strings?: Partial<CampaignEntryStrings>;

  // The form fill's state (kept out of the public API): changed by #apply, shown by render.
  readonly #view: View = {
    phase: FormState.Ready,
    announcement: '',
    issues: new Map(),
    typed: new Set(),
  };
  /** Unusable client attributes: the fields' by name (page-problems.ts), the controller's in English. */
  #clientProblems: string[] = [];
  /** Unusable page attributes (rules link, entry window), by name: the controller words them. */
  #pageProblems: PageProblem[] = [];
  #spec: FieldSpec = { fields: ['name', 'email'] };
  #locale: Locale = 'en';
  /**
   * The language switch's module: only a campaign offering several languages loads it; `null` while it loads, `{}`
   * when it could not (offline: the form then shows without it).
   */
  #switch: Partial<typeof import('./language-switch.js')> | null | undefined;
  #windowPanel: typeof import('./window-panel.js') | undefined;
  #entryId: string | undefined;
  #controller: FormController | undefined;
  #unsentRetry: ReturnType<typeof setTimeout> | undefined;
  #stale = true;
  #window: EntryWindow = { opensAt: undefined, closesAt: undefined };
  #windowTimer: ReturnType<typeof setTimeout> | undefined;
  #startedAt = 0;
  #kiosk: (() => void) | undefined;

  /** What the entrant sees now. */
  get state(): FormState {
    if (this.#clientProblems.length + this.#pageProblems.length > 0) return FormState.Misconfigured;
    const open = windowState(this.#window, Date.now());
    const settled = this.#view.phase !== FormState.Ready && this.#view.phase !== FormState.Failed;
    return open === WindowState.Open || settled ? this.#view.phase : open;
  }

  /**
   * The record of the entry this form stored, as it is sent to Firehose, once `campaign-entry-queued` or
   * `-delivered` has fired (`undefined` before). The events carry only the id: every script on the page hears them.
   */
  get record(): EntryRecord | undefined {
    return this.#controller?.record;
  }

  /** The id the current form fill will be (or was) stored under; made when the form is first touched. */
  get entryId(): string | undefined {
    return this.#entryId;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stale = true;
    this.requestUpdate();
    // Kiosk mode is its own chunk, which phones never download.
    if (this.hasAttribute('kiosk'))
      import('./kiosk/kiosk-mode.js').then((kiosk) => {
        if (this.isConnected) this.#kiosk = kiosk.startKiosk(this);
      });
  }

  override disconnectedCallback(): void {
    // The controller lets go of its client (hostDisconnected); connectedCallback makes a new one.
    super.disconnectedCallback();
    this.#kiosk?.();
    clearTimeout(this.#windowTimer);
    clearTimeout(this.#unsentRetry);
    window.removeEventListener('online', this.#retryUnsent);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const page = this.closest('[lang]')?.getAttribute('lang');
    this.#locale =
      this.#switch?.switchedLocale?.(this, page) ?? pickLocale([this.locale, page, ...navigator.languages]);
    const reconnect = this.#stale || CLIENT_KEYS.some((key) => changed.has(key));
    const reread = reconnect || PAGE_KEYS.some((key) => changed.has(key));
    // The page first: connecting reports the page's problems with the client's.
    if (reread) this.#readPage();
    if (reconnect) this.#connect();
    this.#stale = false;
    // A reconnect reports problems once the client is made (it may add its own); a page change reports them now, or
    // with the client's if the controller is still loading.
    if (reread && !reconnect) this.#reportProblems();
  }

  protected override updated(): void {
    this.setAttribute('state', this.state);
    clearTimeout(this.#windowTimer);
    // Timed from 100 ms ago, so the form shows 100 ms after opens-at: render read the clock a moment before this line
    // (longer on a busy phone, and a timer may fire a little early), and a time crossed in between must still get its
    // render; timed from now, the form never appeared (seen in Firefox).
    const wait = msUntilChange(this.#window, Date.now() - 100);
    if (wait !== undefined) this.#windowTimer = setTimeout(() => this.requestUpdate(), Math.min(wait, MAX_TIMER_MS));
  }

  override render(): TemplateResult | string {
    const t = this.#copy();
    // A campaign offering several languages (`locales="en,es"`) waits for its switch, which picks the language.
    if (this.locales?.includes(',') && this.#switch === undefined) {
      this.#switch = null;
      import('./language-switch.js')
        .then(
          (module) => (this.#switch = module),
          () => (this.#switch = {}),
        )
        .finally(() => this.requestUpdate());
    }
    if (!t || this.#switch === null) return '';
    // `lang` on everything drawn, so screen readers read the copy in its language's voice (WCAG 3.1.2).
    return html`<div lang=${this.#locale}>
      ${this.#switch?.languageSwitch?.(this, this.#locale)}${this.#body(t)}
      <p class="status" part="status" role="status">${this.#view.announcement}</p>
    </div>`;
  }

  #body(t: CampaignEntryStrings): TemplateResult | string {
    const state = this.state;
    switch (state) {
      case FormState.Misconfigured:
        // Entrants get neutral words; the page's developer gets the precise problems in the console and the
        // campaign-entry-error event (the controller's misconfiguration()).
        return panel(state, t.configTitle, t.configBody);
      case FormState.NotOpen:
      case FormState.Closed: {
        // From their own chunk, which brings their English: nothing shows until it is here (as with another language's
        // copy); a failed load is tried again on the next render.
        const module = this.#windowPanel;
        if (!module) {
          import('./window-panel.js').then(
            (loaded) => {
              this.#windowPanel = loaded;
              this.requestUpdate();
            },
            () => {},
          );
          return '';
        }
        const at = state === FormState.Closed ? this.#window.closesAt : this.#window.opensAt;
        const [title, body] = module.windowCopy(state, at, this.#locale, this.timeZone, t);
        return panel(state, title, body);
      }
      // Copy keys named after the state: `queuedTitle`, `deliveredBody`, …
      case FormState.Delivered:
      case FormState.Ineligible:
      case FormState.Queued: {
        const queued = state === FormState.Queued;
        const body =
          queued && this.#view.storage === 'memory'
            ? t.queuedMemoryBody
            : queued && !navigator.onLine
              ? t.queuedOfflineBody
              : t[`${state}Body`];
        const spinner = queued ? html`<span class="spinner" aria-hidden="true"></span>` : '';
        // A stored entry's address (a typo shows) and what happens next, from the controller (entry-receipt.ts).
        const receipt = this.#controller?.receipt(t, this.nextSteps);
        return panel(state, t[`${state}Title`], body, spinner, receipt);
      }
      default:
        return this.#form(t);
    }
  }

  #form(t: CampaignEntryStrings): TemplateResult {
    const sending = this.#view.phase === FormState.Sending;
    const failure = this.#view.phase === FormState.Failed && this.#view.failure;
    return html`<form
      part="form"
      novalidate
      @submit=${this.#submit}
      @focusin=${this.#touch}
      @input=${this.#input}
      @change=${this.#input}
      @focusout=${this.#leave}
      @keydown=${this.#enter}
    >
      ${this.#view.summary}${formFields({
        t,
        fields: this.#spec.fields,
        rulesUrl: this.rulesUrl ?? '',
        privacyUrl: this.privacyUrl,
        // Issues come only from the controller's checks, so the controller words them.
        message: (target) => this.#controller?.message(t, this.#view.issues.get(target)) ?? '',
      })}
      ${
        failure
          ? html`<div class="alert" part="alert" role="alert">
            <p><strong>${t.failedTitle}</strong></p>
            <p>${failure.code === 'queue-full' ? t.queueFullBody : t.failedBody}</p>
          </div>`
          : ''
      }
      <button part="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
        ${sending ? html`<span class="spinner" aria-hidden="true"></span>${t.sending}` : failure ? t.retry : t.submit}
      </button>
    </form>`;
  }

  /** The copy for the current locale with the page's overrides, or `undefined` while a locale's chunk loads. */
  #copy(): CampaignEntryStrings | undefined {
    const base = loadedStrings(this.#locale);
    if (!base) {
      void loadStrings(this.#locale).then(() => this.requestUpdate());
      return undefined;
    }
    return this.strings ? { ...base, ...this.strings } : base;
  }

  /** Applies an update (see form-state.ts): the view, then the event, then focus. Every event is dispatched here. */
  #apply({ view, event, focus }: Update): void {
    Object.assign(this.#view, view);
    this.requestUpdate();
    if (event) this.dispatchEvent(new CustomEvent(event[0], { detail: event[1], bubbles: true, composed: true }));
    if (focus) {
      const target = focus === 'heading' ? 'h2' : '.summary';
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(target)?.focus());
    }
  }

  /** Shows `news`: a submit's outcome, or what the controller found out by itself (`automatic`). */
  #show = (news: ClientNews, automatic = true): void => {
    // Only the controller sends news, so it is here.
    const controller = this.#controller as FormController;
    const focused = this.matches(':focus-within');
    this.#apply(
      controller.show(news, { entryId: this.#entryId, view: this.#view, t: this.#copy(), automatic, focused }),
    );
  };

  /**
   * The controller, loaded once (see controller-loader.ts) and connected when it arrives; rejects while its chunk
   * cannot load (offline). Once it is here, the answer comes on the next tick: a field's check shows with the render
   * its event causes.
   */
  #ready(): Promise<FormController> {
    if (this.#controller) return Promise.resolve(this.#controller);
    return loadController().then(({ FormController }) => {
      if (this.#controller) return this.#controller;
      this.#controller = new FormController(this, this.#show);
      return this.#attach(this.#controller);
    });
  }

  /** Connects the controller to a client for the current attributes, locale and fields. */
  #attach(controller: FormController): FormController {
    // A plain options object: the attributes that make the client, the locale and the fields.
    const attributes = Object.fromEntries(CLIENT_KEYS.map((key) => [key, this[key]]));
    this.#clientProblems.push(...controller.connect({ ...attributes, locale: this.#locale, spec: this.#spec }));
    this.#reportProblems();
    return controller;
  }

  /** Fires one `campaign-entry-error` naming every configuration problem, if there are any (and the controller is here). */
  #reportProblems(): void {
    this.#controller
      ?.misconfiguration([...this.#clientProblems, ...this.#pageProblems])
      .then((update) => this.#apply(update));
  }

  #connect(): void {
    const parsed = parseFieldList(this.fields);
    this.#clientProblems = parsed.success ? [] : [`fields:${parsed.unknown.join(', ')}`];
    const spec = { fields: parsed.fields, country: this.country };
    this.#spec = this.minAge === undefined ? spec : { ...spec, minAge: this.minAge };
    // Told "not eligible" before (form-controller.ts keeps the flag): that again, not a fresh form to try another year.
    // Not on a kiosk: the tablet is shared, the next entrant is someone else.
    try {
      if (!this.hasAttribute('kiosk') && localStorage.getItem(storageKey(this.campaignId ?? '', 'ineligible')))
        this.#view.phase = FormState.Ineligible;
    } catch {
      // Storage blocked: nothing was remembered.
    }
    // A new client now, or as soon as the controller's chunk is here; if it cannot load (offline), on the next touch or
    // submit.
    if (this.#controller) this.#attach(this.#controller);
    else this.#ready().catch(() => {});
  }

  #readPage(): void {
    const { window, problems } = parseWindow(this.opensAt, this.closesAt);
    this.#window = window;
    // The script-tag bundle signs with WebCrypto only (its pure-JS SHA-256 is left out, see
    // packages/sdk/build/unreachable-aws-code.mjs), and browsers give WebCrypto to secure contexts only: say so instead
    // of showing a form that could not send. (A page that passes its own `client` signs as it likes.)
    const insecure = !this.client && !globalThis.isSecureContext;
    this.#pageProblems = [
      ...(this.rulesUrl ? [] : (['rules-url'] as const)),
      ...(insecure ? (['https'] as const) : []),
      ...problems,
    ];
  }

  /** The first touch of the form starts the entry: its id, the fill timer, and loading the AWS code. */
  #touch(): void {
    if (!this.#entryId) {
      // crypto.randomUUID exists in secure contexts, the only ones that show a form (see #readPage).
      this.#entryId = crypto.randomUUID();
      this.#startedAt = Date.now();
    }
    // Once per client (the controller keeps count); if its chunk cannot load now, again on the next touch.
    this.#ready().then(
      (controller) => controller.prefetch(),
      () => {},
    );
  }

  // Typing in a field or leaving it may show, change or clear its message: the controller says which (checked()).
  #input(event: Event): void {
    this.#touch();
    this.#check(event, true);
  }

  #leave(event: FocusEvent): void {
    this.#check(event, false);
  }

  #check(event: Event, typed: boolean): void {
    // Read now: once dispatch ends, an event from inside a shadow root no longer has a target.
    const name = (target: EventTarget | null) => (target as HTMLInputElement | null)?.name;
    const change = { typed, name: name(event.target), next: name((event as FocusEvent).relatedTarget) };
    const read = () => this.#filledIn().input;
    this.#ready().then(
      (controller) => this.#apply(controller.checked(change, this.#view, read, this.#copy())),
      () => {},
    );
  }

  /** Enter on a box whose key says "next" moves to the next box (the controller's next-box.ts). */
  #enter(event: KeyboardEvent): void {
    this.#controller?.nextBox(event, this.renderRoot);
  }

  /** The form's values as the entry they make, with its id and facts about the fill. */
  #filledIn(): UnsentForm {
    const form = this.renderRoot.querySelector('form');
    const data = form ? new FormData(form) : new FormData();
    const text = (name: string) => String(data.get(name) ?? '');
    const fields: Record<string, string> = {};
    for (const field of this.#spec.fields) {
      fields[field] =
        field === 'birth-date'
          ? toIsoDate({
              day: text(datePartName('day')),
              month: text(datePartName('month')),
              year: text(datePartName('year')),
            })
          : text(field);
    }
    return {
      entryId: this.#entryId as string,
      input: { fields, consent: { rules: data.has('consent'), marketing: data.has('marketing') } },
      fillMs: Date.now() - this.#startedAt,
      suspect: text('website') !== '',
      locale: this.#locale,
    };
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // A second tap while the first is in flight is the same entry: ignore it (the SDK would dedupe it too).
    if (this.#view.phase === FormState.Sending || this.state !== this.#view.phase) return this.requestUpdate();
    this.#touch();
    const form = this.#filledIn();
    // The panel that replaces the form keeps its footprint: nothing below moves up under a double tap's second tap.
    this.style.minHeight = `${this.offsetHeight}px`;
    this.#apply({ view: { phase: FormState.Sending, announcement: this.#copy()?.sending ?? '' } });
    let controller: FormController;
    try {
      controller = await this.#ready();
    } catch {
      return this.#keepUnsent(form);
    }
    this.#show(await controller.submit(form), false);
  }

  /**
   * The controller's chunk could not load (the network went away after the page did): keep the form's values on the
   * device, say so, and hand them to the SDK as soon as it loads — now, on `online`, or on the next visit.
   */
  #keepUnsent(form: UnsentForm): void {
    const { entryId } = form;
    if (saveUnsent(this.campaignId ?? '', form)) {
      this.#apply({
        view: { phase: FormState.Queued, storage: 'localstorage' },
        event: ['campaign-entry-queued', { entryId, storage: 'localstorage' }],
        focus: 'heading',
      });
      this.#retryUnsent();
    } else {
      const error = new CampaignEntryError('network', 'The entry could not be saved on this device.', {
        retryable: true,
      });
      this.#apply({
        view: { phase: FormState.Failed, failure: error },
        event: ['campaign-entry-error', { entryId, error, stored: false }],
      });
    }
  }

  /** Tries to load the controller again (every 10 s and when the device is back online) until it takes the kept form. */
  #retryUnsent = (): void => {
    clearTimeout(this.#unsentRetry);
    window.removeEventListener('online', this.#retryUnsent);
    this.#ready().catch(() => {
      window.addEventListener('online', this.#retryUnsent);
      this.#unsentRetry = setTimeout(this.#retryUnsent, 10_000);
    });
  };
}

/** A panel shown instead of the form: a focusable heading (focus reads it out), a paragraph and what comes `after`. */
function panel(kind: string, title: string, body: unknown, icon: unknown = '', after: unknown = ''): TemplateResult {
  return html`<section class="message ${kind}" part="message">
    <h2 part="heading" tabindex="-1">${icon}${title}</h2>
    <p>${body}</p>
    ${after}
  </section>`;
}
