// The element's client side, loaded right after the first render together with the SDK's validation, storage and
// client (see controller-loader.ts): the form is interactive before any of it arrives. It makes the client from a
// plain options object, checks fields with the SDK's rules, submits, hands over a form kept before it could load, and
// words issues. Every method returns what happened; the element shows it and dispatches the events.
import {
  type CampaignClient,
  CampaignEntryError,
  createCampaignClient,
  ErrorCode,
  isCampaignEntryError,
  type StorageKind,
  type SubmitReceipt,
} from '@campaign-entry/sdk';
import { lazy } from '@campaign-entry/sdk/lazy';
import {
  type EntryInput,
  type EntryIssue,
  type EntryRecord,
  type FieldName,
  type FieldSpec,
  type IssueTarget,
  storageKey,
  validateEntry,
} from '@campaign-entry/sdk/rules';
import { clearUnsent, readUnsent, type UnsentForm } from '@campaign-entry/sdk/stash';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { suggestEmail } from './email-typo.js';
import { entryReceipt } from './entry-receipt.js';
// FormState's values are written as literals (checked against the type): importing the object would keep it whole in
// the first file, which the element's own uses let the bundler inline.
import type { Update, View } from './form-state.js';
import { nextBox } from './next-box.js';
import type { PageProblem } from './page-problems.js';
import { completeEnglish } from './strings/locale.js';
import { type CampaignEntryStrings, format } from './strings/strings.js';

// The English outcome copy travels in this chunk; the loader installs it (controller-loader.ts).
export { enMessages } from './strings/en-messages.js';

/** The refusal chunk (refusal.ts) once loaded: its English messages are installed then. */
let refusal: typeof import('./refusal.js') | undefined;
/** Loads what a refused submit shows before it is answered; offline, the SDK's English words serve instead. */
const loadRefusal = lazy(() =>
  import('./refusal.js').then((module) => {
    completeEnglish(module.enIssues);
    refusal = module;
  }),
);

/** What became of a submitted form (`entryId`). */
export type Outcome =
  /** Firehose acknowledged it (its record: {@link FormController.record}). */
  | { readonly status: 'delivered'; readonly entryId: string }
  /** Stored on the device, still being sent; its delivery is reported later (see {@link FormController}). */
  | { readonly status: 'queued'; readonly entryId: string; readonly storage: StorageKind }
  /** Refused by validation; nothing was stored. */
  | { readonly status: 'invalid'; readonly entryId: string; readonly issues: readonly EntryIssue[] }
  /** Younger than the minimum age; nothing was stored or sent, and this device remembers it for the campaign. */
  | { readonly status: 'ineligible'; readonly entryId: string; readonly issues: readonly EntryIssue[] }
  /**
   * Not kept on the device (`stored: false`: `queue-full`…), or kept but refused by AWS for a reason an operator must
   * fix (`stored: true`, reported later: it is sent once the setup is fixed).
   */
  | {
      readonly status: 'failed';
      readonly entryId: string;
      readonly error: CampaignEntryError;
      readonly stored: boolean;
    }
  /** There is no usable client: the configuration's problems say why. */
  | { readonly status: 'misconfigured'; readonly entryId: string };

/**
 * What the controller reports by itself: a later outcome of the submitted entry (delivered, or failed but stored), the
 * outcome of a form handed over, or entries this device saved earlier (another visit or tab) still sending or landed.
 */
export type ClientNews = Outcome | { readonly status: 'earlier-sending' | 'earlier-delivered' };

/** A control typed in or left, by its `name` (and the one focus moved to). */
export interface FieldChange {
  readonly typed: boolean;
  readonly name: string | undefined;
  readonly next: string | undefined;
}

/** What {@link FormController.show} needs to know about the element. */
export interface ShowContext {
  /** The current form fill. */
  readonly entryId: string | undefined;
  readonly view: Readonly<View>;
  /** The copy, `undefined` while a locale's chunk loads. */
  readonly t: CampaignEntryStrings | undefined;
  /** Reported by the controller, not answering the entrant's submit. */
  readonly automatic: boolean;
  /** Focus is inside the element. */
  readonly focused: boolean;
}

/** What the client is made from: the element's attributes (or the page's own client), locale and fields. */
export interface ClientOptions {
  /** The page's own client: used as is and never disposed. */
  readonly client?: CampaignClient | undefined;
  readonly region?: string | undefined;
  readonly identityPoolId?: string | undefined;
  readonly deliveryStream?: string | undefined;
  readonly campaignId?: string | undefined;
  readonly cognitoEndpoint?: string | undefined;
  readonly firehoseEndpoint?: string | undefined;
  /** The rules and privacy links: checked here, where the bytes do not delay the form. */
  readonly rulesUrl?: string | undefined;
  readonly privacyUrl?: string | undefined;
  /** The campaign's IANA time zone: checked here too. */
  readonly timeZone?: string | undefined;
  readonly locale: string;
  readonly spec: FieldSpec;
}

/**
 * The client side of one `<campaign-entry>` as a Lit reactive controller: its SDK client (released when the element
 * leaves the page), field checks, submit, hand-over, and what each outcome changes on screen ({@link show}). It never
 * dispatches events and draws nothing itself: it returns outcomes, updates and the templates its modules make (the
 * error summary, the receipt), and reports later news to `news`; next-box.ts moves focus for the Enter key.
 */
export class FormController implements ReactiveController {
  readonly #news: (news: ClientNews) => void;
  #client: CampaignClient | undefined;
  #ownsClient = false;
  #prefetched = false;
  #spec: FieldSpec = { fields: [] };
  #stop: (() => void)[] = [];
  /** The form fill submitted last, and its record once stored: what the client's later news is about. */
  #entryId: string | undefined;
  #record: EntryRecord | undefined;
  /** The "did you mean …?" line last put on the status line ('' when none). */
  #suggestion = '';
  #campaignId = '';

  /** Attaches to `host`; `news` hears what the controller finds out by itself (see {@link ClientNews}). */
  constructor(host: ReactiveControllerHost, news: (news: ClientNews) => void) {
    this.#news = news;
    host.addController(this);
  }

  /** The record of the entry submitted last, once stored (what the element's `record` property returns). */
  get record(): EntryRecord | undefined {
    return this.#record;
  }

  /** The client, once {@link connect} made one. */
  get client(): CampaignClient | undefined {
    return this.#client;
  }

  /** The element left the page: let go of the client. */
  hostDisconnected(): void {
    this.release();
  }

  /**
   * Replaces the client with one made from `options` (or adopts `options.client`). Returns the configuration's
   * problems, in English for whoever set up the page: none when the client is ready. A ready client then takes a form
   * kept before this code loaded, and says whether entries saved earlier are still on their way (both to `news`).
   */
  connect(options: ClientOptions): string[] {
    this.release();
    this.#spec = options.spec;
    this.#campaignId = options.campaignId ?? '';
    const problems = pageProblems(options);
    if (problems.length > 0) return problems;
    let client = options.client;
    if (!client) {
      try {
        client = createCampaignClient({
          region: options.region ?? '',
          identityPoolId: options.identityPoolId ?? '',
          deliveryStreams: options.deliveryStream ?? '',
          campaignId: options.campaignId ?? '',
          locale: options.locale,
          endpoints: {
            ...(options.cognitoEndpoint ? { cognito: options.cognitoEndpoint } : {}),
            ...(options.firehoseEndpoint ? { firehose: options.firehoseEndpoint } : {}),
          },
          ...options.spec,
        });
        this.#ownsClient = true;
      } catch (error) {
        return [isCampaignEntryError(error) ? error.message : String(error)];
      }
    }
    this.#client = client;
    this.#stop = [
      client.on('delivered', ({ entryId }) => {
        if (entryId === this.#entryId && this.#record) this.#news({ status: 'delivered', entryId });
      }),
      client.on('failed', ({ entryIds, error }) => {
        const entryId = this.#entryId;
        if (entryId && entryIds.includes(entryId)) this.#news({ status: 'failed', entryId, error, stored: true });
      }),
    ];
    void this.handOver(options.campaignId ?? '').then((outcome) => outcome && this.#news(outcome));
    void this.#tellAboutEarlierEntries(client);
    return [];
  }

  /** Stops listening to the client, and disposes it if this controller made it. */
  release(): void {
    for (const stop of this.#stop.splice(0)) stop();
    if (this.#ownsClient) this.#client?.dispose();
    this.#client = undefined;
    this.#ownsClient = false;
    this.#prefetched = false;
  }

  /**
   * What the configuration's problems (the element's by name, see page-problems.ts) change: one `invalid-config` error
   * naming them all, or nothing.
   */
  async misconfiguration(problems: readonly string[]): Promise<Update> {
    if (problems.length === 0) return {};
    // Their words are a chunk of their own, which a page set up right never loads; offline, their names serve.
    const { problemText } = await import('./page-problems.js').catch(() => ({ problemText: (name: string) => name }));
    const message = `Invalid <campaign-entry> configuration: ${problems.map(problemText).join('; ')}.`;
    // The precise problem for whoever set up the page; entrants see the neutral panel.
    console.error(message);
    const error = new CampaignEntryError(ErrorCode.InvalidConfig, message, { retryable: false });
    return { event: ['campaign-entry-error', { error, stored: false }] };
  }

  /** Gets the AWS code and guest credentials ready ahead of the submit, once per client. */
  prefetch(): void {
    if (this.#prefetched) return;
    this.#prefetched = true;
    void this.#client?.prefetch();
  }

  /**
   * Checks one field of `input` (or the rules consent) with the SDK's rules: its issue, or `undefined`. Never the age:
   * before submit nothing may hint at the cut-off (alcohol marketing practice), so an under-age date passes here and
   * only the submit says "not eligible".
   */
  check(field: IssueTarget, input: EntryInput): EntryIssue | undefined {
    const checked = validateEntry(input, this.#spec, Date.now());
    return checked.success
      ? undefined
      : checked.issues.find((issue) => issue.field === field && issue.code !== 'under-age');
  }

  /**
   * What typing in a control (`typed`) or leaving it for control `next` changes. Nothing before the first refused
   * submit: a message appearing under a field would push down what is below, under the entrant's thumb. Once a submit
   * was refused (messages are shown), checks are live: a field typed in is checked when left, and one showing a message
   * is re-checked as it is typed, so the message goes away as soon as it is fixed. Untouched fields are never nagged
   * about. `read` gives the form's values. Typing an address whose domain looks mistyped (gmial.con) says "did you
   * mean …?" in copy `t` on the status line below the button — nothing above it moves — and never refuses it.
   */
  checked(change: FieldChange, view: Readonly<View>, read: () => EntryInput, t?: CampaignEntryStrings): Update {
    const update = this.#checked(change, view, read);
    if (!(change.typed && change.name === 'email' && t)) return update;
    const suggestion = suggestEmail(read().fields.email);
    const text = suggestion ? format(t.didYouMean, { email: suggestion }) : '';
    const previous = this.#suggestion;
    this.#suggestion = text;
    // Only the suggestion's own line is replaced or cleared: other news on the status line stays.
    if (text === previous || (!text && view.announcement !== previous)) return update;
    return { ...update, view: { ...update.view, announcement: text } };
  }

  #checked(change: FieldChange, view: Readonly<View>, read: () => EntryInput): Update {
    const field = fieldOf(change.name);
    if (!field || (!change.typed && field === fieldOf(change.next))) return {};
    const shown = view.issues.has(field);
    const typed = change.typed ? new Set(view.typed).add(field) : view.typed;
    const live = shown || (view.issues.size > 0 && typed.has(field));
    if (!(change.typed ? shown : field !== 'consent' && live)) return { view: { typed } };
    const issues = new Map(view.issues);
    const issue = this.check(field, read());
    if (issue) issues.set(field, issue);
    else issues.delete(field);
    return { view: { typed, issues } };
  }

  /** Validates, stores and sends a submitted form. A queued entry's delivery is reported to `news` later. */
  async submit(form: UnsentForm): Promise<Outcome> {
    const { entryId, input } = form;
    const client = this.#client;
    if (!client) return { status: 'misconfigured', entryId };
    this.#entryId = entryId;
    const checked = validateEntry(input, this.#spec, Date.now());
    try {
      const receipt = checked.success
        ? await client.submit(input, form)
        : ({ status: 'invalid', issues: checked.issues } as const);
      // What a refused submit shows comes now (refusal.ts); offline, the SDK's English words serve.
      if (receipt.status === 'invalid') await loadRefusal().catch(() => {});
      return this.#outcome(entryId, receipt);
    } catch (error) {
      const unknown = new CampaignEntryError(ErrorCode.Unknown, String(error), { retryable: false, cause: error });
      return { status: 'failed', entryId, error: isCampaignEntryError(error) ? error : unknown, stored: false };
    }
  }

  /**
   * Gives a form kept before this code loaded (this visit or an earlier one) to the client, with its entryId, and
   * returns its outcome (`undefined` when none was kept). A form the client cannot take now stays kept for the next
   * visit; an earlier visit's entry is delivered in the background.
   */
  async handOver(campaignId: string): Promise<Outcome | undefined> {
    const form = readUnsent(campaignId);
    const client = this.#client;
    if (!form || !client) return undefined;
    const receipt = await client.submit(form.input, form);
    if (receipt.status === 'rejected') return undefined;
    clearUnsent(campaignId);
    this.#entryId ??= form.entryId;
    return this.#outcome(form.entryId, receipt);
  }

  /**
   * What `news` (or a submit's outcome when `automatic` is false) changes on screen. News about another form fill
   * than `entryId` (an earlier visit's kept form) changes nothing.
   */
  show(news: ClientNews, { entryId: current, view, t, automatic, focused }: ShowContext): Update {
    if (!('entryId' in news)) {
      // Only above a fresh form (the entrant has not started another entry), or replacing a "still being sent" that
      // would otherwise stay, stale, above a form being filled in.
      const fresh = !current && view.phase === 'ready';
      const stale = news.status === 'earlier-delivered' && view.announcement === t?.earlierSending;
      return fresh || stale
        ? {
            view: { announcement: (news.status === 'earlier-sending' ? t?.earlierSending : t?.earlierDelivered) ?? '' },
          }
        : {};
    }
    const { entryId } = news;
    if (entryId !== current) return {};
    // Answering a submit clears "Sending…" from the status line.
    const cleared = automatic ? {} : { announcement: '' };
    switch (news.status) {
      case 'misconfigured':
        return { view: { phase: 'ready' } }; // the panel says what to fix
      case 'ineligible':
        return {
          view: { phase: 'ineligible', announcement: '' },
          event: ['campaign-entry-invalid', { entryId, issues: news.issues }],
          focus: 'heading',
        };
      case 'invalid': {
        const issues = new Map(news.issues.map((issue) => [issue.field, issue]));
        const event = ['campaign-entry-invalid', { entryId, issues: news.issues }] as const;
        if (!t) return { view: { ...cleared, phase: 'ready', issues }, event };
        // The same summary twice must still be announced: screen readers skip an unchanged live region.
        const summary = this.summary(t, news.issues);
        const announcement = view.announcement === summary ? `${summary}\u00a0` : summary;
        const box = refusal?.errorSummary(t, news.issues, (issue) => this.message(t, issue));
        return { view: { phase: 'ready', issues, announcement, summary: box }, event, focus: 'issue' };
      }
      case 'failed': {
        const event = ['campaign-entry-error', { entryId, error: news.error, stored: news.stored }] as const;
        // Stored: the entry still waits on the device, "Saved on this device, sending…" stays.
        const view = { ...cleared, phase: 'failed', failure: news.error, summary: undefined } as const;
        return news.stored ? { event } : { view, event };
      }
      case 'queued': {
        const { storage } = news;
        // A handed-over form already shows "Saved on this device" (and fired campaign-entry-queued).
        if (automatic) return { view: { storage } };
        return {
          view: { ...cleared, phase: 'queued', storage },
          event: ['campaign-entry-queued', { entryId, storage }],
          focus: 'heading',
        };
      }
      case 'delivered': {
        if (view.phase === 'delivered') return {};
        const event = ['campaign-entry-delivered', { entryId }] as const;
        // Moving focus reads the heading out; an automatic switch with focus elsewhere is announced instead.
        if (!automatic || focused) return { view: { ...cleared, phase: 'delivered' }, event, focus: 'heading' };
        return { view: { phase: 'delivered', announcement: t?.deliveredTitle ?? '' }, event };
      }
    }
  }

  /**
   * What the outcome panel adds for the entry this controller stored (entry-receipt.ts): its e-mail address and the
   * page's `next` steps; nothing before one is stored.
   */
  receipt(t: CampaignEntryStrings, next: string | undefined): TemplateResult | string {
    return this.#record ? entryReceipt(t, this.#record, next) : '';
  }

  /** Enter on a box whose key says "next" (`event`, in `root`) moves to the next box (next-box.ts). */
  nextBox(event: KeyboardEvent, root: ParentNode): void {
    nextBox(event, root);
  }

  /** The words for `issue` in copy `t`: the field's own message, else the code's, else the SDK's English. */
  message(t: CampaignEntryStrings, issue: EntryIssue | undefined): string {
    if (!issue) return '';
    const copy = t as unknown as Record<string, string | undefined>;
    const text = copy[`${issue.field}.${issue.code}`] ?? copy[issue.code] ?? issue.message;
    return format(text, { limit: issue.limit ?? '' });
  }

  /** The status line's summary of a refused submit: the fields to fix, by their labels in copy `t`. */
  summary(t: CampaignEntryStrings, issues: readonly EntryIssue[]): string {
    const labels = issues.map((issue) =>
      issue.field === 'consent' ? t.rules : issue.field === 'record' ? t['not-asked'] : t[issue.field],
    );
    return format(t.summary, { fields: labels.join(', ') });
  }

  /** Entries this device saved earlier still sending: said once now, and once when they have all landed. */
  async #tellAboutEarlierEntries(client: CampaignClient): Promise<void> {
    if ((await client.pending()) === 0) return;
    this.#news({ status: 'earlier-sending' });
    const stop = client.on('drained', () => {
      stop();
      this.#news({ status: 'earlier-delivered' });
    });
    this.#stop.push(stop);
  }

  #outcome(
    entryId: string,
    receipt: SubmitReceipt | { readonly status: 'invalid'; readonly issues: readonly EntryIssue[] },
  ): Outcome {
    switch (receipt.status) {
      case 'invalid': {
        const { issues } = receipt;
        if (!issues.some((issue) => issue.code === 'under-age')) return { status: 'invalid', entryId, issues };
        try {
          localStorage.setItem(storageKey(this.#campaignId, 'ineligible'), '1');
        } catch {
          // Not remembered on this device (storage blocked): the panel still shows now.
        }
        return { status: 'ineligible', entryId, issues };
      }
      case 'rejected':
        return { status: 'failed', entryId, error: receipt.error, stored: false };
      case 'delivered':
        this.#record = receipt.record;
        return { status: 'delivered', entryId };
      case 'queued': {
        this.#record = receipt.record;
        receipt.delivery.then(
          () => this.#news({ status: 'delivered', entryId }),
          () => {}, // disposed (the element left the page): the entry stays stored and is sent on the next visit
        );
        return { status: 'queued', entryId, storage: receipt.storage };
      }
    }
  }
}

/** The field a control belongs to (the date boxes belong to `birth-date`), or `undefined`. */
function fieldOf(name: string | undefined): FieldName | 'consent' | undefined {
  if (!name || name === 'website' || name === 'marketing') return undefined;
  return name.startsWith('bday-') ? 'birth-date' : (name as FieldName | 'consent');
}

/**
 * The rules and privacy links' problems: only http(s) or relative URLs (a relative one takes the page's scheme), so no
 * `javascript:` or `data:` link is ever offered to entrants; and a `time-zone` Intl does not know. By name
 * (page-problems.ts words them).
 */
function pageProblems(options: ClientOptions): PageProblem[] {
  const problems = (['rules', 'privacy'] as const).flatMap((name): PageProblem[] => {
    const url = options[`${name}Url`];
    try {
      if (url === undefined || /^https?:$/u.test(new URL(url, location.href).protocol)) return [];
    } catch {
      // Not a URL at all.
    }
    return [`${name}-link`];
  });
  try {
    new Intl.DateTimeFormat('en', { timeZone: options.timeZone || 'UTC' });
  } catch {
    problems.push('time-zone');
  }
  return problems;
}
