// The form's behaviour, loaded right after the first render together with the SDK's validation, storage and client
// (see controller-loader.ts): the form is interactive before any of it arrives. It makes the client from the
// attributes, checks fields with the SDK's rules, submits, and hands over a form kept before it could load.
import {
  type CampaignClient,
  CampaignEntryError,
  createCampaignClient,
  ErrorCode,
  isCampaignEntryError,
  type SubmitReceipt,
} from '@campaign-entry/sdk';
import {
  type EntryInput,
  type EntryIssue,
  type EntryRecord,
  type FieldName,
  type IssueTarget,
  validateEntry,
  validateField,
} from '@campaign-entry/sdk/rules';
import { clearUnsent, readUnsent, type UnsentForm } from '@campaign-entry/sdk/stash';
import type { TemplateResult } from 'lit';
import { FormState, panel } from './campaign-entry.component.js';
import type { FormModel } from './form-model.js';
import { enMessages } from './strings/en-messages.js';
import { completeEnglish } from './strings/locale.js';
import { type CampaignEntryStrings, format } from './strings/strings.js';

// The English messages and outcome copy travel with the behaviour that shows them.
completeEnglish(enMessages);

/** The client side of one `<campaign-entry>`: its SDK client, field checks, submit and hand-over. */
export class FormController {
  readonly #model: FormModel;
  #client: CampaignClient | undefined;
  /** The model's `generation` the client was made for; -1 when there is none. */
  #madeFor = -1;
  #ownsClient = false;
  #unsubscribe: (() => void)[] = [];
  /** Fields typed in: checked when left. */
  readonly #dirty = new Set<FieldName>();
  #record: EntryRecord | undefined;

  constructor(model: FormModel) {
    this.#model = model;
  }

  /** The client for the current attributes, made (or adopted) on first use; `undefined` when they are unusable. */
  client(): CampaignClient | undefined {
    if (this.#madeFor !== this.#model.generation) {
      this.release();
      this.#madeFor = this.#model.generation;
      this.#client = this.#make();
    }
    return this.#client;
  }

  /** Stops listening to the client, and disposes it if the element made it. */
  release(): void {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
    if (this.#ownsClient) this.#client?.dispose();
    this.#client = undefined;
    this.#ownsClient = false;
    this.#madeFor = -1;
  }

  #make(): CampaignClient | undefined {
    const model = this.#model;
    const el = model.el;
    let client = el.client;
    if (!client) {
      try {
        client = createCampaignClient({
          region: el.region ?? '',
          identityPoolId: el.identityPoolId ?? '',
          deliveryStreams: el.deliveryStream ?? '',
          campaignId: el.campaignId ?? '',
          locale: model.locale,
          endpoints: {
            ...(el.cognitoEndpoint ? { cognito: el.cognitoEndpoint } : {}),
            ...(el.firehoseEndpoint ? { firehose: el.firehoseEndpoint } : {}),
          },
          ...model.spec,
        });
        this.#ownsClient = true;
      } catch (error) {
        model.clientProblems = [...model.clientProblems, isCampaignEntryError(error) ? error.message : String(error)];
        this.reportProblems();
        el.requestUpdate();
        return undefined;
      }
    }
    this.reportProblems();
    this.#unsubscribe = [
      client.on('delivered', ({ entryId }) => {
        if (entryId === model.entryId && this.#record) this.#delivered(this.#record, true);
      }),
      client.on('failed', ({ entryIds, error }) => {
        if (model.entryId && entryIds.includes(model.entryId))
          model.emit('campaign-entry-error', { entryId: model.entryId, error, stored: true });
      }),
    ];
    void this.#handOver(client);
    void this.#tellAboutEarlierEntries(client);
    return client;
  }

  /**
   * An entry this device saved earlier (a previous visit, another tab) is still on its way: say so in the status line
   * under a fresh form, so the entrant does not enter twice, and say when it lands.
   */
  async #tellAboutEarlierEntries(client: CampaignClient): Promise<void> {
    const model = this.#model;
    if ((await client.pending()) === 0 || model.entryId || model.phase !== FormState.Ready) return;
    model.announce(model.copy()?.earlierSending ?? '');
    const stop = client.on('drained', () => {
      stop();
      if (!model.entryId && model.phase === FormState.Ready) model.announce(model.copy()?.earlierDelivered ?? '');
    });
    this.#unsubscribe.push(stop);
  }

  /** Fires one `campaign-entry-error` naming every configuration problem, if there are any. */
  reportProblems(): void {
    const model = this.#model;
    const problems = [...model.clientProblems, ...model.pageProblems];
    if (problems.length === 0) return;
    const message = `Invalid <campaign-entry> configuration: ${problems.join('; ')}.`;
    const error = new CampaignEntryError(ErrorCode.InvalidConfig, message, { retryable: false });
    model.emit('campaign-entry-error', { error, stored: false });
  }

  /** Checks one field's value with the SDK's rules and shows or clears its message. */
  check(field: FieldName | 'consent', input: EntryInput): void {
    const issues = this.#model.issues;
    if (field === 'consent') {
      if (input.consent.rules) issues.delete('consent');
    } else {
      const result = validateField(field, input.fields[field], this.#model.spec, Date.now());
      if (result.success) issues.delete(field);
      else issues.set(field, result.issue);
    }
    this.#model.el.requestUpdate();
  }

  /** A field was typed in: remember it, and re-check a shown error so it goes away as soon as it is fixed. */
  edited(field: FieldName | 'consent', read: () => EntryInput): void {
    if (field !== 'consent') this.#dirty.add(field);
    if (this.#model.issues.has(field)) this.check(field, read());
  }

  /** A field was left: check it if it was typed in (or shows an error); never nag about untouched fields. */
  left(field: FieldName | 'consent', read: () => EntryInput): void {
    if (field !== 'consent' && (this.#dirty.has(field) || this.#model.issues.has(field))) this.check(field, read());
  }

  /** The panel for an outcome only the behaviour reaches: "You're in", or the polite under-age message. */
  outcome(t: CampaignEntryStrings, state: FormState): TemplateResult {
    return state === FormState.Delivered
      ? panel('delivered', t.deliveredTitle, t.deliveredBody)
      : panel('ineligible', t.ineligibleTitle, format(t.ineligibleBody, { limit: this.#model.ineligibleAge }));
  }

  /** The words for `target`'s issue in copy `t`: the field's own message, else the code's, else the SDK's English. */
  message(t: CampaignEntryStrings, target: IssueTarget): string {
    const issue = this.#model.issues.get(target);
    if (!issue) return '';
    const copy = t as unknown as Record<string, string | undefined>;
    const text = copy[`${target}.${issue.code}`] ?? copy[issue.code] ?? issue.message;
    return format(text, { limit: issue.limit ?? '' });
  }

  /** Validates, stores and sends a submitted form; the element has already shown "Sending…". */
  async submit(form: UnsentForm): Promise<void> {
    const model = this.#model;
    const client = this.client();
    if (!client) {
      model.set(FormState.Ready); // misconfigured: the panel says what to fix
      return;
    }
    const { entryId, input } = form;
    const checked = validateEntry(input, model.spec, Date.now());
    if (!checked.success) return this.#refuse(entryId, checked.issues);
    let receipt: SubmitReceipt;
    try {
      receipt = await client.submit(input, form);
    } catch (error) {
      receipt = {
        status: 'rejected',
        error: isCampaignEntryError(error)
          ? error
          : new CampaignEntryError(ErrorCode.Unknown, String(error), { retryable: false, cause: error }),
      };
    }
    model.announce('');
    switch (receipt.status) {
      case 'invalid':
        return this.#refuse(entryId, receipt.issues);
      case 'rejected':
        model.failure = receipt.error;
        model.set(FormState.Failed);
        model.emit('campaign-entry-error', { entryId, error: receipt.error, stored: false });
        return;
      case 'delivered':
        return this.#delivered(receipt.record, false);
      case 'queued': {
        const { record, storage } = receipt;
        this.#record = record;
        model.storage = storage;
        model.set(FormState.Queued);
        model.emit('campaign-entry-queued', { entryId, record, storage });
        void model.focusHeading();
        receipt.delivery.then(
          () => this.#delivered(record, true),
          () => {}, // disposed (the element left the page): the entry stays stored and is sent on the next visit
        );
      }
    }
  }

  /** Gives a form kept before this code loaded (this visit or an earlier one) to the client, with its entryId. */
  async #handOver(client: CampaignClient): Promise<void> {
    const model = this.#model;
    const campaignId = model.el.campaignId ?? '';
    const form = readUnsent(campaignId);
    if (!form) return;
    const receipt = await client.submit(form.input, form);
    if (receipt.status === 'rejected') return; // kept; tried again on the next visit
    clearUnsent(campaignId);
    if (form.entryId !== model.entryId) return; // an earlier visit's entry: the SDK delivers it in the background
    if (receipt.status === 'invalid') this.#refuse(form.entryId, receipt.issues);
    else if (receipt.status === 'delivered') this.#delivered(receipt.record, true);
    else {
      this.#record = receipt.record;
      model.storage = receipt.storage;
      receipt.delivery.then(
        () => this.#delivered(receipt.record, true),
        () => {},
      );
    }
  }

  #refuse(entryId: string, issues: readonly EntryIssue[]): void {
    const model = this.#model;
    model.emit('campaign-entry-invalid', { entryId, issues });
    const underAge = issues.find((issue) => issue.code === 'under-age');
    if (underAge) {
      model.ineligibleAge = underAge.limit ?? 0;
      model.set(FormState.Ineligible);
      void model.focusHeading();
      return;
    }
    model.set(FormState.Ready);
    model.issues = new Map(issues.map((issue) => [issue.field, issue]));
    const t = model.copy();
    if (!t) return;
    const labels = issues.map((issue) =>
      issue.field === 'consent' ? t.rules : issue.field === 'record' ? t['not-asked'] : t[issue.field],
    );
    // The same summary twice must still be announced: screen readers skip an unchanged live region.
    const summary = format(t.summary, { fields: labels.join(', ') });
    model.announce(model.announcement === summary ? `${summary}\u00a0` : summary);
    void model.el.updateComplete.then(() =>
      model.el.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], button')?.focus(),
    );
  }

  #delivered(record: EntryRecord, automatic: boolean): void {
    const model = this.#model;
    if (model.phase === FormState.Delivered) return;
    const hadFocus = model.el.matches(':focus-within');
    model.set(FormState.Delivered);
    model.emit('campaign-entry-delivered', { entryId: record.entryId, record });
    // Moving focus reads the heading out; an automatic switch with focus elsewhere is announced instead.
    if (!automatic || hadFocus) void model.focusHeading();
    else model.announce(model.copy()?.deliveredTitle ?? '');
  }
}
