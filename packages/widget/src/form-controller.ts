// The element's client side, loaded right after the first render together with the SDK's validation, storage and
// client (see controller-loader.ts): the form is interactive before any of it arrives. It makes the client from a
// plain options object, checks fields with the SDK's rules, submits, hands over a form kept before it could load, and
// words issues. Every method returns what happened; the element shows it and dispatches the events.
import {
  type CampaignClient,
  CampaignEntryError,
  createCampaignClient,
  type EntryInput,
  type EntryIssue,
  type EntryRecord,
  ErrorCode,
  type FieldSpec,
  type IssueTarget,
  isCampaignEntryError,
  type StorageKind,
  type SubmitReceipt,
  validateEntry,
} from '@campaign-entry/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type CampaignEntryStrings, format } from './strings/strings.js';
import type { UnsentForm } from './unsent-form.js';
import { clearUnsent, readUnsent } from './unsent-form-handover.js';

// The English messages and outcome copy travel in this chunk; the loader installs them (controller-loader.ts).
export { enMessages } from './strings/en-messages.js';

/** What became of a submitted form. */
export type Outcome =
  /** Firehose acknowledged it. */
  | { readonly status: 'delivered'; readonly record: EntryRecord }
  /** Stored on the device; `delivery` resolves once Firehose acknowledges it (never, if the client is released). */
  | {
      readonly status: 'queued';
      readonly record: EntryRecord;
      readonly storage: StorageKind;
      readonly delivery: Promise<unknown>;
    }
  /** Refused by validation; nothing was stored. */
  | { readonly status: 'invalid'; readonly issues: readonly EntryIssue[] }
  /** Younger than the minimum age (`limit`); nothing was stored. */
  | { readonly status: 'ineligible'; readonly issues: readonly EntryIssue[]; readonly limit: number }
  /** Could not be kept on the device (`queue-full`, …). */
  | { readonly status: 'failed'; readonly error: CampaignEntryError }
  /** There is no usable client: the configuration's problems say why. */
  | { readonly status: 'misconfigured' };

/** What the client reports later about the form's entry, or about entries this device saved earlier. */
export type ClientNews =
  /** The form's entry was delivered in the background. */
  | { readonly type: 'delivered'; readonly record: EntryRecord }
  /** AWS refuses the form's entry for a reason an operator must fix; it stays stored. */
  | { readonly type: 'failed'; readonly entryId: string; readonly error: CampaignEntryError };

/** An earlier entry still on its way: `landed` resolves once every stored entry is delivered. */
export interface EarlierEntries {
  readonly landed: Promise<void>;
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
  readonly locale: string;
  readonly spec: FieldSpec;
}

/**
 * The client side of one `<campaign-entry>` as a Lit reactive controller: its SDK client (released when the element
 * leaves the page), field checks, submit and hand-over. It never renders, touches the DOM or dispatches events.
 */
export class FormController implements ReactiveController {
  readonly #news: (news: ClientNews) => void;
  #client: CampaignClient | undefined;
  #ownsClient = false;
  #spec: FieldSpec = { fields: [] };
  #stop: (() => void)[] = [];
  /** The form fill submitted last, and its record once stored: what the client's news is about. */
  #entryId: string | undefined;
  #record: EntryRecord | undefined;

  /** Attaches to `host`; `news` hears what the client reports later about the submitted entry. */
  constructor(host: ReactiveControllerHost, news: (news: ClientNews) => void) {
    this.#news = news;
    host.addController(this);
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
   * problems, in English for whoever set up the page: none when the client is ready.
   */
  connect(options: ClientOptions): string[] {
    this.release();
    this.#spec = options.spec;
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
        if (entryId === this.#entryId && this.#record) this.#news({ type: 'delivered', record: this.#record });
      }),
      client.on('failed', ({ entryIds, error }) => {
        if (this.#entryId && entryIds.includes(this.#entryId))
          this.#news({ type: 'failed', entryId: this.#entryId, error });
      }),
    ];
    return [];
  }

  /** Stops listening to the client, and disposes it if this controller made it. */
  release(): void {
    for (const stop of this.#stop.splice(0)) stop();
    if (this.#ownsClient) this.#client?.dispose();
    this.#client = undefined;
    this.#ownsClient = false;
  }

  /** The one `invalid-config` error naming every configuration problem, if there are any. */
  configError(problems: readonly string[]): CampaignEntryError | undefined {
    if (problems.length === 0) return undefined;
    const message = `Invalid <campaign-entry> configuration: ${problems.join('; ')}.`;
    return new CampaignEntryError(ErrorCode.InvalidConfig, message, { retryable: false });
  }

  /** Checks one field of `input` (or the rules consent) with the SDK's rules: its issue, or `undefined`. */
  check(field: IssueTarget, input: EntryInput): EntryIssue | undefined {
    const checked = validateEntry(input, this.#spec, Date.now());
    return checked.success ? undefined : checked.issues.find((issue) => issue.field === field);
  }

  /** Validates, stores and sends a submitted form. */
  async submit(form: UnsentForm): Promise<Outcome> {
    const client = this.#client;
    if (!client) return { status: 'misconfigured' };
    this.#entryId = form.entryId;
    const checked = validateEntry(form.input, this.#spec, Date.now());
    if (!checked.success) return this.#outcome({ status: 'invalid', issues: checked.issues });
    try {
      return this.#outcome(await client.submit(form.input, form));
    } catch (error) {
      const unknown = new CampaignEntryError(ErrorCode.Unknown, String(error), { retryable: false, cause: error });
      return { status: 'failed', error: isCampaignEntryError(error) ? error : unknown };
    }
  }

  /**
   * Gives a form kept before this code loaded (this visit or an earlier one) to the client, with its entryId. Returns
   * the outcome when that form is the fill `current` (this visit's); an earlier visit's entry is delivered in the
   * background. A form the client cannot take now stays kept for the next visit.
   */
  async handOver(campaignId: string, current: string | undefined): Promise<Outcome | undefined> {
    const form = readUnsent(campaignId);
    const client = this.#client;
    if (!form || !client) return undefined;
    const receipt = await client.submit(form.input, form);
    if (receipt.status === 'rejected') return undefined;
    clearUnsent(campaignId);
    if (form.entryId !== current) return undefined;
    this.#entryId = current;
    return this.#outcome(receipt);
  }

  /** Whether entries this device saved earlier (another visit, another tab) are still on their way. */
  async earlier(): Promise<EarlierEntries | undefined> {
    const client = this.#client;
    if (!client || (await client.pending()) === 0) return undefined;
    const landed = new Promise<void>((resolve) => {
      const stop = client.on('drained', () => {
        stop();
        resolve();
      });
      this.#stop.push(stop);
    });
    return { landed };
  }

  /** The words for `issue` in copy `t`: the field's own message, else the code's, else the SDK's English. */
  message(t: CampaignEntryStrings, issue: EntryIssue): string {
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

  #outcome(receipt: SubmitReceipt | { status: 'invalid'; issues: readonly EntryIssue[] }): Outcome {
    switch (receipt.status) {
      case 'invalid': {
        const underAge = receipt.issues.find((issue) => issue.code === 'under-age');
        return underAge ? { ...receipt, status: 'ineligible', limit: underAge.limit ?? 0 } : receipt;
      }
      case 'rejected':
        return { status: 'failed', error: receipt.error };
      case 'queued':
        this.#record = receipt.record;
        return receipt;
      default:
        return receipt;
    }
  }
}
