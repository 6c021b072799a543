// The element renders and keeps the form; what needs the SDK (its client, validation, submit) is in
// form-controller.ts, loaded right after the first render. Only small, dependency-free parts of the SDK are imported
// here.
import { type CampaignClient, CampaignEntryError } from '@campaign-entry/sdk';
import { FIELD_NAMES, type FieldName, parseFieldList } from '@campaign-entry/sdk/rules';
import { saveUnsent, type UnsentForm } from '@campaign-entry/sdk/stash';
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { datePartName, toIsoDate } from './birth-date.js';
import { styles } from './campaign-entry.styles.js';
import { loadController } from './controller-loader.js';
import { type EntryWindow, msUntilChange, parseWindow, WindowState, windowState } from './entry-window.js';
import type { FormController } from './form-controller.js';
import { formFields } from './form-fields.js';
import { FormModel } from './form-model.js';
import { pickLocale } from './strings/locale.js';
import { type CampaignEntryStrings, format } from './strings/strings.js';

/** What the entrant sees. Reflected to the `state` attribute, so pages can style by it. */
export const FormState = {
  /** The form, waiting for input. */
  Ready: 'ready',
  /** Submitted; waiting for the device to store it and Firehose to acknowledge it. */
  Sending: 'sending',
  /** Firehose acknowledged the entry: "You're in". */
  Delivered: 'delivered',
  /** Stored on the device, still being sent: "Saved on this device, sending…"; turns into `delivered`. */
  Queued: 'queued',
  /** The entry could not be kept on the device; the form stays filled in to try again. */
  Failed: 'failed',
  /** Younger than `min-age`: a polite, final message. */
  Ineligible: 'ineligible',
  /** Before `opens-at`. */
  NotOpen: 'not-open',
  /** At or after `closes-at`. */
  Closed: 'closed',
  /** The attributes are unusable; the message tells whoever set up the page what to fix. */
  Misconfigured: 'misconfigured',
} as const;

/** One of {@link FormState}'s values. */
export type FormState = (typeof FormState)[keyof typeof FormState];

// Attributes that make a new SDK client when they change.
const CLIENT_KEYS = [
  'client',
  'region',
  'identityPoolId',
  'deliveryStream',
  'campaignId',
  'fields',
  'minAge',
  'cognitoEndpoint',
  'firehoseEndpoint',
] as const;
const PAGE_KEYS = ['rulesUrl', 'opensAt', 'closesAt'] as const;
// setTimeout's longest delay; a window further away is re-checked after it.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A complete, accessible competition entry form that validates with the SDK's rules, stores each entry on the device
 * before sending it, and tells the entrant plainly where their entry is.
 *
 * @summary Sign-up competition entry form: fields, consent, validation and reliable delivery to Kinesis Data Firehose.
 *
 * @fires campaign-entry-delivered - Firehose acknowledged the entry (`detail: {entryId, record}`).
 * @fires campaign-entry-queued - The entry is saved on the device and still being sent (`detail: {entryId, record, storage}`).
 * @fires campaign-entry-invalid - A submit was refused by validation (`detail: {entryId, issues}`).
 * @fires campaign-entry-error - The configuration is unusable, an entry could not be kept, or AWS refuses entries for a
 * reason an operator must fix (`detail: {entryId?, error, stored}`).
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
 * @csspart status - The live region that announces progress and error summaries.
 *
 * @cssproperty --campaign-entry-accent - Button and focus ring colour.
 * @cssproperty --campaign-entry-accent-text - Text on the button.
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
    rulesUrl: { attribute: 'rules-url' },
    privacyUrl: { attribute: 'privacy-url' },
    locale: {},
    opensAt: { attribute: 'opens-at' },
    closesAt: { attribute: 'closes-at' },
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
  /** Official rules the entrant accepts (required). */
  rulesUrl?: string;
  /** Privacy notice linked beside the rules. */
  privacyUrl?: string;
  /** `en` or `es`. @default the page's `lang`, else the browser's languages, else `en` */
  locale?: string;
  /** ISO date-time with a time zone before which the form is not shown. */
  opensAt?: string;
  /** ISO date-time with a time zone from which the form is not shown. */
  closesAt?: string;
  /** Cognito Identity endpoint override (the local emulator). */
  cognitoEndpoint?: string;
  /** Firehose endpoint override (the local emulator). */
  firehoseEndpoint?: string;
  /** An existing SDK client to use instead of one made from the attributes. The element never disposes it. */
  client?: CampaignClient;
  /** Copy overrides, merged over the locale's copy. @example `{ submit: 'Count me in' }` */
  strings?: Partial<CampaignEntryStrings>;

  // Internal state lives in the model, shared with the lazily loaded controller (kept out of the public API).
  readonly #model = new FormModel(this);
  #controller: FormController | undefined;
  #unsentRetry: ReturnType<typeof setTimeout> | undefined;
  #stale = true;
  #window: EntryWindow = { opensAt: undefined, closesAt: undefined };
  #windowTimer: ReturnType<typeof setTimeout> | undefined;
  #startedAt = 0;
  #prefetched = false;

  /** What the entrant sees now. */
  get state(): FormState {
    const model = this.#model;
    if (model.clientProblems.length + model.pageProblems.length > 0) return FormState.Misconfigured;
    const open = windowState(this.#window, Date.now());
    const settled = model.phase !== FormState.Ready && model.phase !== FormState.Failed;
    return open === WindowState.Open || settled ? model.phase : open;
  }

  /** The id the current form fill will be (or was) stored under; made when the form is first touched. */
  get entryId(): string | undefined {
    return this.#model.entryId;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stale = true;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#release();
    clearTimeout(this.#windowTimer);
    clearTimeout(this.#unsentRetry);
    window.removeEventListener('online', this.#retryUnsent);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#model.locale = pickLocale([
      this.locale,
      this.closest('[lang]')?.getAttribute('lang'),
      ...navigator.languages,
    ]);
    const reconnect = this.#stale || CLIENT_KEYS.some((key) => changed.has(key));
    const reread = reconnect || PAGE_KEYS.some((key) => changed.has(key));
    if (reconnect) this.#connect();
    if (reread) this.#readPage();
    this.#stale = false;
    // A reconnect reports problems once the client is made (it may add its own); a page change reports them now, or
    // with the client's if the behaviour is still loading.
    if (reread && !reconnect) this.#controller?.reportProblems();
  }

  protected override updated(): void {
    this.setAttribute('state', this.state);
    clearTimeout(this.#windowTimer);
    const wait = msUntilChange(this.#window, Date.now());
    if (wait !== undefined) this.#windowTimer = setTimeout(() => this.requestUpdate(), Math.min(wait, MAX_TIMER_MS));
  }

  override render(): TemplateResult | string {
    const t = this.#model.copy();
    if (!t) return '';
    return html`${this.#body(t)}<p class="status" part="status" role="status">${this.#model.announcement}</p>`;
  }

  #body(t: CampaignEntryStrings): TemplateResult {
    const model = this.#model;
    switch (this.state) {
      case FormState.Misconfigured:
        return panel(
          'misconfigured',
          t.configTitle,
          html`<ul>
            ${[...model.clientProblems, ...model.pageProblems].map((problem) => html`<li>${problem}</li>`)}
          </ul>`,
        );
      case FormState.NotOpen: {
        const time = new Intl.DateTimeFormat(model.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
          this.#window.opensAt,
        );
        return panel('not-open', t.notOpenTitle, format(t.notOpenBody, { time }));
      }
      case FormState.Closed:
        return panel('closed', t.closedTitle, t.closedBody);
      case FormState.Ineligible:
      case FormState.Delivered:
        // Only the behaviour can reach these outcomes, and it brings their copy.
        return this.#controller?.outcome(t, this.state) ?? this.#form(t);
      case FormState.Queued:
        return panel(
          'queued',
          t.queuedTitle,
          model.storage === 'memory' ? t.queuedMemoryBody : t.queuedBody,
          html`<span class="spinner" aria-hidden="true"></span>`,
        );
      default:
        return this.#form(t);
    }
  }

  #form(t: CampaignEntryStrings): TemplateResult {
    const model = this.#model;
    const sending = model.phase === FormState.Sending;
    const failure = model.phase === FormState.Failed && model.failure;
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
      ${formFields({
        t,
        fields: model.spec.fields,
        rulesUrl: this.rulesUrl ?? '',
        privacyUrl: this.privacyUrl,
        // Issues come only from the behaviour's checks, so the behaviour words them.
        message: (target) => this.#controller?.message(t, target) ?? '',
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

  /** The behaviour, loaded once (see controller-loader.ts); rejects while its chunk cannot load (offline). */
  #loadController(): Promise<FormController> {
    if (this.#controller) return Promise.resolve(this.#controller);
    return loadController().then(({ FormController }) => {
      this.#controller ??= new FormController(this.#model);
      return this.#controller;
    });
  }

  /** The client, made once the behaviour is here (`undefined` inside when the configuration is unusable). */
  #client(): Promise<CampaignClient | undefined> {
    return this.#loadController().then((controller) => controller.client());
  }

  #connect(): void {
    this.#release();
    const model = this.#model;
    const parsed = parseFieldList(this.fields);
    model.clientProblems = parsed.success
      ? []
      : [`fields names ${parsed.unknown.join(', ')}: use ${FIELD_NAMES.join(', ')}`];
    model.spec = this.minAge === undefined ? { fields: parsed.fields } : { fields: parsed.fields, minAge: this.minAge };
    model.generation++;
    // Made as soon as the behaviour's chunk is here; if it cannot load (offline), again on the next touch or submit.
    this.#client().catch(() => {});
  }

  #release(): void {
    this.#controller?.release();
    this.#stale = true;
  }

  #readPage(): void {
    const { window, problems } = parseWindow(this.opensAt, this.closesAt);
    this.#window = window;
    // The script-tag bundle signs with WebCrypto only (its pure-JS SHA-256 is left out, see
    // build/unreachable-aws-code.mjs), and browsers give WebCrypto to secure contexts only: say so instead of
    // showing a form that could not send. (A page that passes its own `client` signs as it likes.)
    const insecure = !this.client && !globalThis.isSecureContext;
    this.#model.pageProblems = [
      ...(this.rulesUrl ? [] : ['rules-url is missing: the official rules must be linked']),
      ...(insecure ? ['this page needs a secure context (HTTPS) to sign entries'] : []),
      ...problems,
    ];
  }

  /** The first touch of the form starts the entry: its id, the fill timer, and loading the AWS code. */
  #touch(): void {
    if (!this.#model.entryId) {
      // crypto.randomUUID exists in secure contexts, the only ones that show a form (see #readPage).
      this.#model.entryId = crypto.randomUUID();
      this.#startedAt = Date.now();
    }
    if (!this.#prefetched) {
      this.#prefetched = true;
      this.#client().then(
        (client) => client?.prefetch(),
        () => {
          this.#prefetched = false;
        },
      );
    }
  }

  // Field checks belong to the behaviour (it has the SDK's rules). Which field an event concerns is read now: once
  // dispatch ends, an event from inside a shadow root no longer has a target.
  #input(event: Event): void {
    this.#touch();
    const field = fieldOf(event.target);
    if (field) this.#withController((controller) => controller.edited(field, () => this.#filledIn().input));
  }

  #leave(event: FocusEvent): void {
    const field = fieldOf(event.target);
    if (field && field !== fieldOf(event.relatedTarget)) {
      this.#withController((controller) => controller.left(field, () => this.#filledIn().input));
    }
  }

  /** Runs `task` once the behaviour is here; if it cannot load now, the submit checks everything anyway. */
  #withController(task: (controller: FormController) => void): void {
    this.#loadController().then(task, () => {});
  }

  /** Enter on a box whose key says "next" moves to the next box instead of submitting half a form. */
  #enter(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    if (event.key !== 'Enter' || target.getAttribute('enterkeyhint') !== 'next') return;
    event.preventDefault();
    const boxes = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[enterkeyhint]')];
    boxes[boxes.indexOf(target as HTMLInputElement) + 1]?.focus();
  }

  /** The form's values as the entry they make, with its id and facts about the fill. */
  #filledIn(): UnsentForm {
    const form = this.renderRoot.querySelector('form');
    const data = form ? new FormData(form) : new FormData();
    const text = (name: string) => String(data.get(name) ?? '');
    const fields: Record<string, string> = {};
    for (const field of this.#model.spec.fields) {
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
      entryId: this.#model.entryId as string,
      input: { fields, consent: { rules: data.has('consent'), marketing: data.has('marketing') } },
      fillMs: Date.now() - this.#startedAt,
      suspect: text('website') !== '',
      locale: this.#model.locale,
    };
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const model = this.#model;
    // A second tap while the first is in flight is the same entry: ignore it (the SDK would dedupe it too).
    if (model.phase === FormState.Sending || this.state !== model.phase) return this.requestUpdate();
    this.#touch();
    const form = this.#filledIn();
    model.set(FormState.Sending);
    model.announce(model.copy()?.sending ?? '');
    let controller: FormController;
    try {
      controller = await this.#loadController();
    } catch {
      return this.#keepUnsent(form);
    }
    return controller.submit(form);
  }

  /**
   * The behaviour's chunk could not load (the network went away after the page did): keep the form's values on the
   * device, say so, and hand them to the SDK as soon as it loads — now, on `online`, or on the next visit.
   */
  #keepUnsent(form: UnsentForm): void {
    const model = this.#model;
    if (!saveUnsent(this.campaignId ?? '', form)) {
      model.failure = new CampaignEntryError('network', 'The entry could not be saved on this device.', {
        retryable: true,
      });
      model.set(FormState.Failed);
      model.emit('campaign-entry-error', { entryId: form.entryId, error: model.failure, stored: false });
      return;
    }
    model.storage = 'localstorage';
    model.set(FormState.Queued);
    model.emit('campaign-entry-queued', { entryId: form.entryId, storage: 'localstorage' });
    void model.focusHeading();
    this.#retryUnsent();
  }

  /** Tries to load the behaviour again (every 10 s and when the device is back online) until it takes the kept form. */
  #retryUnsent = (): void => {
    clearTimeout(this.#unsentRetry);
    window.removeEventListener('online', this.#retryUnsent);
    this.#client().catch(() => {
      window.addEventListener('online', this.#retryUnsent);
      this.#unsentRetry = setTimeout(this.#retryUnsent, 10_000);
    });
  };
}

/** The field an input belongs to (the date boxes belong to `birth-date`), or `undefined`. */
function fieldOf(target: EventTarget | null): FieldName | 'consent' | undefined {
  const name = (target as HTMLInputElement | null)?.name;
  if (!name || name === 'website' || name === 'marketing') return undefined;
  return name.startsWith('bday-') ? 'birth-date' : (name as FieldName | 'consent');
}

/** A panel shown instead of the form: a focusable heading (focus reads it out) and a paragraph. */
export function panel(kind: string, title: string, body: unknown, icon: unknown = ''): TemplateResult {
  return html`<section class="message ${kind}" part="message">
    <h2 part="heading" tabindex="-1">${icon}${title}</h2>
    <p>${body}</p>
  </section>`;
}
