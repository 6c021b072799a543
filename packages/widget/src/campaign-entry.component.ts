// Only small, dependency-free parts of the SDK are imported statically; validation, storage and the client come from
// the chunk loadSdk() fetches right after the first render (see sdk-loader.ts).
import {
  type CampaignClient,
  CampaignEntryError,
  type EntryInput,
  type EntryIssue,
  type EntryRecord,
  ErrorCode,
  type FieldName,
  type FieldSpec,
  type IssueTarget,
  isCampaignEntryError,
  parseFieldList,
  randomUuid,
  type StorageKind,
  type SubmitReceipt,
} from '@campaign-entry/sdk';
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { datePartName, toIsoDate } from './birth-date.js';
import { styles } from './campaign-entry.styles.js';
import { type EntryWindow, msUntilChange, parseWindow, WindowState, windowState } from './entry-window.js';
import type { CampaignEntryDeliveredDetail } from './events/campaign-entry-delivered.js';
import type { CampaignEntryErrorDetail } from './events/campaign-entry-error.js';
import type { CampaignEntryInvalidDetail } from './events/campaign-entry-invalid.js';
import type { CampaignEntryQueuedDetail } from './events/campaign-entry-queued.js';
import { formFields } from './form-fields.js';
import { loadSdk } from './sdk-loader.js';
import { type Locale, loadedStrings, loadStrings, pickLocale } from './strings/locale.js';
import { type CampaignEntryStrings, format } from './strings/strings.js';
import { clearUnsent, readUnsent, saveUnsent, type UnsentForm } from './unsent-form.js';

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

interface EventDetails {
  'campaign-entry-delivered': CampaignEntryDeliveredDetail;
  'campaign-entry-queued': CampaignEntryQueuedDetail;
  'campaign-entry-invalid': CampaignEntryInvalidDetail;
  'campaign-entry-error': CampaignEntryErrorDetail;
}

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

  // Internal reactive state: plain private fields whose setters schedule a render (kept out of the public API).
  #phase: FormState = FormState.Ready;
  #announcement = '';
  #client: CampaignClient | undefined;
  /** The client being made (it needs the SDK chunk); `undefined` inside when the configuration is unusable. */
  #ready: Promise<CampaignClient | undefined> = Promise.resolve(undefined);
  #generation = 0;
  #unsentRetry: ReturnType<typeof setTimeout> | undefined;
  #ownsClient = false;
  #unsubscribe: (() => void)[] = [];
  #clientProblems: string[] = [];
  #pageProblems: string[] = [];
  #stale = true;
  #spec: FieldSpec = { fields: ['name', 'email'] };
  #window: EntryWindow = { opensAt: undefined, closesAt: undefined };
  #windowTimer: ReturnType<typeof setTimeout> | undefined;
  #locale: Locale = 'en';
  #issues = new Map<IssueTarget, EntryIssue>();
  #dirty = new Set<FieldName>();
  #entryId: string | undefined;
  #startedAt = 0;
  #prefetched = false;
  #record: EntryRecord | undefined;
  #storage: StorageKind | undefined;
  #failure: CampaignEntryError | undefined;
  #ineligibleAge = 0;

  get #state(): FormState {
    return this.#phase;
  }

  set #state(state: FormState) {
    this.#phase = state;
    this.requestUpdate();
  }

  /** What the entrant sees now. */
  get state(): FormState {
    if (this.#clientProblems.length + this.#pageProblems.length > 0) return FormState.Misconfigured;
    const open = windowState(this.#window, Date.now());
    const settled = this.#state !== FormState.Ready && this.#state !== FormState.Failed;
    return open === WindowState.Open || settled ? this.#state : open;
  }

  /** The id the current form fill will be (or was) stored under; made when the form is first touched. */
  get entryId(): string | undefined {
    return this.#entryId;
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
    this.#locale = pickLocale([this.locale, this.closest('[lang]')?.getAttribute('lang'), ...navigator.languages]);
    const reconnect = this.#stale || CLIENT_KEYS.some((key) => changed.has(key));
    const reread = reconnect || PAGE_KEYS.some((key) => changed.has(key));
    if (reconnect) this.#connect();
    if (reread) this.#readPage();
    this.#stale = false;
    // A reconnect reports problems once the client is made (it may add its own); a page change reports them now.
    if (reread && !reconnect) this.#reportProblems();
  }

  /** Fires one `campaign-entry-error` naming every configuration problem, if there are any. */
  #reportProblems(): void {
    const problems = [...this.#clientProblems, ...this.#pageProblems];
    if (problems.length === 0) return;
    const message = `Invalid <campaign-entry> configuration: ${problems.join('; ')}.`;
    const error = new CampaignEntryError(ErrorCode.InvalidConfig, message, { retryable: false });
    this.#emit('campaign-entry-error', { error, stored: false });
  }

  protected override updated(): void {
    this.setAttribute('state', this.state);
    clearTimeout(this.#windowTimer);
    const wait = msUntilChange(this.#window, Date.now());
    if (wait !== undefined) this.#windowTimer = setTimeout(() => this.requestUpdate(), Math.min(wait, MAX_TIMER_MS));
  }

  override render(): TemplateResult | string {
    const t = this.#copy();
    if (!t) return '';
    return html`${this.#body(t)}<p class="status" part="status" role="status">${this.#announcement}</p>`;
  }

  #body(t: CampaignEntryStrings): TemplateResult {
    switch (this.state) {
      case FormState.Misconfigured:
        return this.#panel(
          'misconfigured',
          t.configTitle,
          html`<ul>
            ${[...this.#clientProblems, ...this.#pageProblems].map((problem) => html`<li>${problem}</li>`)}
          </ul>`,
        );
      case FormState.NotOpen: {
        const time = new Intl.DateTimeFormat(this.#locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
          this.#window.opensAt,
        );
        return this.#panel('not-open', t.notOpenTitle, format(t.notOpenBody, { time }));
      }
      case FormState.Closed:
        return this.#panel('closed', t.closedTitle, t.closedBody);
      case FormState.Ineligible:
        return this.#panel('ineligible', t.ineligibleTitle, format(t.ineligibleBody, { limit: this.#ineligibleAge }));
      case FormState.Delivered:
        return this.#panel('delivered', t.deliveredTitle, t.deliveredBody);
      case FormState.Queued:
        return this.#panel(
          'queued',
          t.queuedTitle,
          this.#storage === 'memory' ? t.queuedMemoryBody : t.queuedBody,
          html`<span class="spinner" aria-hidden="true"></span>`,
        );
      default:
        return this.#form(t);
    }
  }

  #panel(kind: string, title: string, body: unknown, icon: unknown = ''): TemplateResult {
    return html`<section class="message ${kind}" part="message">
      <h2 part="heading" tabindex="-1">${icon}${title}</h2>
      <p>${body}</p>
    </section>`;
  }

  #form(t: CampaignEntryStrings): TemplateResult {
    const sending = this.#state === FormState.Sending;
    const failure = this.#state === FormState.Failed && this.#failure;
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
        fields: this.#spec.fields,
        rulesUrl: this.rulesUrl ?? '',
        privacyUrl: this.privacyUrl,
        message: (target) => this.#message(t, target),
      })}
      ${
        failure
          ? html`<div class="alert" part="alert" role="alert">
            <p><strong>${t.failedTitle}</strong></p>
            <p>${failure.code === ErrorCode.QueueFull ? t.queueFullBody : t.failedBody}</p>
          </div>`
          : ''
      }
      <button part="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
        ${sending ? html`<span class="spinner" aria-hidden="true"></span>${t.sending}` : failure ? t.retry : t.submit}
      </button>
    </form>`;
  }

  #message(t: CampaignEntryStrings, target: IssueTarget): string {
    const issue = this.#issues.get(target);
    if (!issue) return '';
    const copy = t as unknown as Record<string, string | undefined>;
    return format(copy[`${target}.${issue.code}`] ?? copy[issue.code] ?? issue.message, { limit: issue.limit ?? '' });
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

  #connect(): void {
    this.#release();
    const parsed = parseFieldList(this.fields);
    this.#clientProblems = parsed.success
      ? []
      : [`fields names ${parsed.unknown.join(', ')}: use name, email, phone, postal-code, birth-date`];
    this.#spec = this.minAge === undefined ? { fields: parsed.fields } : { fields: parsed.fields, minAge: this.minAge };
    this.#ready = this.#makeClient(++this.#generation);
    this.#ready.catch(() => {}); // the SDK chunk did not load (offline): made again on the next touch or submit
  }

  /** Makes (or adopts) the client once the SDK chunk is here; reports an unusable configuration. */
  async #makeClient(generation: number): Promise<CampaignClient | undefined> {
    let client = this.client;
    if (!client) {
      const { createCampaignClient } = await loadSdk();
      if (generation !== this.#generation) return this.#ready;
      try {
        client = createCampaignClient({
          region: this.region ?? '',
          identityPoolId: this.identityPoolId ?? '',
          deliveryStreams: this.deliveryStream ?? '',
          campaignId: this.campaignId ?? '',
          locale: this.#locale,
          endpoints: {
            ...(this.cognitoEndpoint ? { cognito: this.cognitoEndpoint } : {}),
            ...(this.firehoseEndpoint ? { firehose: this.firehoseEndpoint } : {}),
          },
          ...this.#spec,
        });
        this.#ownsClient = true;
      } catch (error) {
        this.#clientProblems = [...this.#clientProblems, isCampaignEntryError(error) ? error.message : String(error)];
        this.#reportProblems();
        this.requestUpdate();
        return undefined;
      }
    }
    this.#reportProblems();
    this.#client = client;
    this.#unsubscribe = [
      client.on('delivered', ({ entryId }) => {
        if (entryId === this.#entryId && this.#record) this.#delivered(this.#record, true);
      }),
      client.on('failed', ({ entryIds, error }) => {
        if (this.#entryId && entryIds.includes(this.#entryId))
          this.#emit('campaign-entry-error', { entryId: this.#entryId, error, stored: true });
      }),
    ];
    void this.#handOver(client);
    return client;
  }

  /** The client, made again if the SDK chunk failed to load before. Rejects while it still cannot load. */
  #clientNow(): Promise<CampaignClient | undefined> {
    return this.#ready.catch(() => {
      this.#ready = this.#makeClient(this.#generation);
      return this.#ready;
    });
  }

  #release(): void {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
    if (this.#ownsClient) this.#client?.dispose();
    this.#client = undefined;
    this.#ownsClient = false;
    this.#stale = true;
  }

  #readPage(): void {
    const { window, problems } = parseWindow(this.opensAt, this.closesAt);
    this.#window = window;
    this.#pageProblems = this.rulesUrl
      ? problems
      : ['rules-url is missing: entrants must be able to read the official rules', ...problems];
  }

  /** The first touch of the form starts the entry: its id, the fill timer, and loading the AWS code. */
  #touch(): void {
    if (!this.#entryId) {
      this.#entryId = randomUuid();
      this.#startedAt = Date.now();
    }
    if (!this.#prefetched) {
      this.#prefetched = true;
      this.#clientNow().then(
        (client) => client?.prefetch(),
        () => {
          this.#prefetched = false;
        },
      );
    }
  }

  #input(event: Event): void {
    this.#touch();
    const field = fieldOf(event.target);
    if (!field) return;
    if (field !== 'consent') this.#dirty.add(field);
    // A shown error is re-checked as the entrant types, so it goes away as soon as it is fixed.
    if (this.#issues.has(field)) this.#check(field);
  }

  #leave(event: FocusEvent): void {
    const field = fieldOf(event.target);
    if (!field || field === 'consent' || fieldOf(event.relatedTarget) === field) return;
    if (this.#dirty.has(field) || this.#issues.has(field)) this.#check(field);
  }

  /** Enter on a box whose key says "next" moves to the next box instead of submitting half a form. */
  #enter(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    if (event.key !== 'Enter' || target.getAttribute('enterkeyhint') !== 'next') return;
    event.preventDefault();
    const boxes = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[enterkeyhint]')];
    boxes[boxes.indexOf(target as HTMLInputElement) + 1]?.focus();
  }

  #check(field: FieldName | 'consent'): void {
    const input = this.#entryInput();
    if (field === 'consent') {
      if (input.consent.rules) this.#issues.delete('consent');
      this.requestUpdate();
      return;
    }
    loadSdk().then(
      ({ validateField }) => {
        const result = validateField(field, input.fields[field], this.#spec, Date.now());
        if (result.success) this.#issues.delete(field);
        else this.#issues.set(field, result.issue);
        this.requestUpdate();
      },
      () => {}, // checked again on submit
    );
  }

  #entryInput(): EntryInput & { suspect: boolean } {
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
      fields,
      consent: { rules: data.has('consent'), marketing: data.has('marketing') },
      suspect: text('website') !== '',
    };
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // A second tap while the first is in flight is the same entry: ignore it (the SDK would dedupe it too).
    if (this.#state === FormState.Sending || this.state !== this.#state) return this.requestUpdate();
    this.#touch();
    const entryId = this.#entryId as string;
    const { suspect, ...input } = this.#entryInput();
    const form: UnsentForm = { entryId, input, fillMs: Date.now() - this.#startedAt, suspect, locale: this.#locale };
    this.#state = FormState.Sending;
    this.#announce(this.#copy()?.sending ?? '');
    let client: CampaignClient | undefined;
    let validateEntry: Awaited<ReturnType<typeof loadSdk>>['validateEntry'];
    try {
      [{ validateEntry }, client] = await Promise.all([loadSdk(), this.#clientNow()]);
    } catch {
      return this.#keepUnsent(form);
    }
    if (!client) {
      this.#state = FormState.Ready; // misconfigured: the panel says what to fix
      return;
    }
    const checked = validateEntry(input, this.#spec, Date.now());
    if (!checked.success) return this.#refuse(entryId, checked.issues);
    let receipt: SubmitReceipt;
    try {
      receipt = await client.submit(input, {
        entryId,
        fillMs: form.fillMs,
        suspect,
        locale: this.#locale,
      });
    } catch (error) {
      receipt = {
        status: 'rejected',
        error: isCampaignEntryError(error)
          ? error
          : new CampaignEntryError(ErrorCode.Unknown, String(error), { retryable: false, cause: error }),
      };
    }
    this.#announce('');
    switch (receipt.status) {
      case 'invalid':
        return this.#refuse(entryId, receipt.issues);
      case 'rejected':
        this.#state = FormState.Failed;
        this.#failure = receipt.error;
        this.#emit('campaign-entry-error', { entryId, error: receipt.error, stored: false });
        return;
      case 'delivered':
        return this.#delivered(receipt.record, false);
      case 'queued': {
        const { record, storage } = receipt;
        this.#record = record;
        this.#storage = storage;
        this.#state = FormState.Queued;
        this.#emit('campaign-entry-queued', { entryId, record, storage });
        void this.#focusHeading();
        receipt.delivery.then(
          () => this.#delivered(record, true),
          () => {}, // disposed (the element left the page): the entry stays stored and is sent on the next visit
        );
      }
    }
  }

  /**
   * The SDK chunk could not load (the network went away after the page did): keep the form's values on the device,
   * say so, and hand them to the SDK as soon as it loads — now, on `online`, or on the next visit.
   */
  #keepUnsent(form: UnsentForm): void {
    if (!saveUnsent(this.campaignId ?? '', form)) {
      this.#state = FormState.Failed;
      this.#failure = new CampaignEntryError(ErrorCode.Network, 'The entry could not be saved on this device.', {
        retryable: true,
      });
      this.#emit('campaign-entry-error', { entryId: form.entryId, error: this.#failure, stored: false });
      return;
    }
    this.#storage = 'localstorage';
    this.#state = FormState.Queued;
    this.#emit('campaign-entry-queued', { entryId: form.entryId, storage: 'localstorage' });
    void this.#focusHeading();
    this.#retryUnsent();
  }

  /** Tries to load the SDK again (every 10 s and when the device is back online) until it takes the kept form. */
  #retryUnsent = (): void => {
    clearTimeout(this.#unsentRetry);
    window.removeEventListener('online', this.#retryUnsent);
    this.#clientNow().catch(() => {
      window.addEventListener('online', this.#retryUnsent);
      this.#unsentRetry = setTimeout(this.#retryUnsent, 10_000);
    });
  };

  /** Gives a form kept before the SDK loaded (this visit or an earlier one) to the client, with its entryId. */
  async #handOver(client: CampaignClient): Promise<void> {
    const campaignId = this.campaignId ?? '';
    const form = readUnsent(campaignId);
    if (!form) return;
    const receipt = await client.submit(form.input, form);
    if (receipt.status === 'rejected') return; // kept; tried again on the next visit
    clearUnsent(campaignId);
    if (form.entryId !== this.#entryId) return; // an earlier visit's entry: the SDK delivers it in the background
    if (receipt.status === 'invalid') this.#refuse(form.entryId, receipt.issues);
    else if (receipt.status === 'delivered') this.#delivered(receipt.record, true);
    else {
      this.#record = receipt.record;
      this.#storage = receipt.storage;
      receipt.delivery.then(
        () => this.#delivered(receipt.record, true),
        () => {},
      );
    }
  }

  #refuse(entryId: string, issues: readonly EntryIssue[]): void {
    this.#emit('campaign-entry-invalid', { entryId, issues });
    const underAge = issues.find((issue) => issue.code === 'under-age');
    if (underAge) {
      this.#ineligibleAge = underAge.limit ?? 0;
      this.#state = FormState.Ineligible;
      void this.#focusHeading();
      return;
    }
    this.#state = FormState.Ready;
    this.#issues = new Map(issues.map((issue) => [issue.field, issue]));
    const t = this.#copy();
    if (!t) return;
    const labels = issues.map((issue) =>
      issue.field === 'consent' ? t.rules : issue.field === 'record' ? t['not-asked'] : t[issue.field],
    );
    // The same summary twice must still be announced: screen readers skip an unchanged live region.
    const summary = format(t.summary, { fields: labels.join(', ') });
    this.#announce(this.#announcement === summary ? `${summary}\u00a0` : summary);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], button')?.focus(),
    );
  }

  #delivered(record: EntryRecord, automatic: boolean): void {
    if (this.#state === FormState.Delivered) return;
    const hadFocus = this.matches(':focus-within');
    this.#state = FormState.Delivered;
    this.#emit('campaign-entry-delivered', { entryId: record.entryId, record });
    // Moving focus reads the heading out; an automatic switch with focus elsewhere is announced instead.
    if (!automatic || hadFocus) void this.#focusHeading();
    else this.#announce(this.#copy()?.deliveredTitle ?? '');
  }

  async #focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  #announce(text: string): void {
    this.#announcement = text;
    this.requestUpdate();
  }

  #emit<K extends keyof EventDetails>(name: K, detail: EventDetails[K]): void {
    this.dispatchEvent(entryEvent(name, detail));
  }
}

/** The element's events all bubble and cross shadow roots, so a page can listen anywhere above the element. */
function entryEvent<K extends keyof EventDetails>(name: K, detail: EventDetails[K]): CustomEvent<EventDetails[K]> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true });
}

/** The field an input belongs to (the date boxes belong to `birth-date`), or `undefined`. */
function fieldOf(target: EventTarget | null): FieldName | 'consent' | undefined {
  const name = (target as HTMLInputElement | null)?.name;
  if (!name || name === 'website' || name === 'marketing') return undefined;
  return name.startsWith('bday-') ? 'birth-date' : (name as FieldName | 'consent');
}
