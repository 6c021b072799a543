// The form's controls as templates: one text input per field (with the right keyboard and autofill), the date of birth
// as three boxes, and the consent checkboxes. State and events stay in the element.
import type { FieldName, IssueTarget } from '@campaign-entry/sdk/rules';
import { html, type TemplateResult } from 'lit';
import { datePartName, datePartOrder } from './birth-date.js';
import type { CampaignEntryStrings } from './strings/strings.js';

/**
 * A text field's `type` (its `inputmode` too: the keyboard) and `autocapitalize`. Its `autocomplete` is its name, but
 * `tel` for the phone.
 */
interface InputKind {
  readonly type: 'text' | 'email' | 'tel';
  readonly autocapitalize: 'words' | 'off' | 'characters';
}

/** How each text field is typed on a phone: the keyboard it opens and how it capitalizes. */
export const TEXT_INPUTS: Readonly<Record<Exclude<FieldName, 'birth-date'>, InputKind>> = {
  name: { type: 'text', autocapitalize: 'words' },
  email: { type: 'email', autocapitalize: 'off' },
  phone: { type: 'tel', autocapitalize: 'off' },
  'postal-code': { type: 'text', autocapitalize: 'characters' },
};

/** What the templates need from the element. */
export interface FieldsView {
  readonly t: CampaignEntryStrings;
  readonly fields: readonly FieldName[];
  readonly rulesUrl: string;
  readonly privacyUrl: string | undefined;
  /** The message shown for a field, `''` when it has none. */
  message(target: IssueTarget): string;
}

/** The ids of the text inputs in form order (date boxes expanded), for `enterkeyhint`. */
function textInputIds(view: FieldsView): string[] {
  return view.fields.flatMap((field) =>
    field === 'birth-date' ? datePartOrder(view.t.dateOrder).map(datePartName) : [field],
  );
}

/** Every control of the form, in order. */
export function formFields(view: FieldsView): TemplateResult {
  const ids = textInputIds(view);
  // "Next" moves to the following box; the last one sends (the element handles Enter to match).
  const hint = (id: string) => (id === ids.at(-1) ? 'send' : 'next');
  return html`${view.fields.map((field) =>
    field === 'birth-date' ? birthDate(view, hint) : textField(view, field, hint),
  )}${consent(view)}
    <div class="hp" inert>
      <label for="website">${view.t.honeypot}</label>
      <input id="website" name="website" tabindex="-1" autocomplete="off">
    </div>`;
}

function invalid(view: FieldsView, target: IssueTarget): 'true' | 'false' {
  return view.message(target) ? 'true' : 'false';
}

function error(view: FieldsView, target: IssueTarget): TemplateResult {
  return html`<p class="error" part="error" id="${target}-error">${view.message(target)}</p>`;
}

function textField(
  view: FieldsView,
  field: Exclude<FieldName, 'birth-date'>,
  hint: (id: string) => string,
): TemplateResult {
  const kind = TEXT_INPUTS[field];
  return html`<div class="field" part="field">
    <label part="label" for=${field}>${view.t[field]}</label>
    <input
      part="input"
      id=${field}
      name=${field}
      type=${kind.type}
      autocomplete=${field === 'phone' ? 'tel' : field}
      inputmode=${kind.type}
      autocapitalize=${kind.autocapitalize}
      enterkeyhint=${hint(field)}
      spellcheck="false"
      required
      aria-invalid=${invalid(view, field)}
      aria-describedby="${field}-error"
    >
    ${error(view, field)}
  </div>`;
}

function birthDate(view: FieldsView, hint: (id: string) => string): TemplateResult {
  const { t } = view;
  return html`<fieldset class="field" part="field">
    <legend part="label">${t['birth-date']}</legend>
    <p class="hint" part="hint" id="birth-date-hint">${t.birthDateHint}</p>
    <div class="date">
      ${datePartOrder(t.dateOrder).map((part) => {
        const id = datePartName(part);
        return html`<div class=${part}>
          <label part="label" for=${id}>${t[part]}</label>
          <input
            part="input"
            id=${id}
            name=${id}
            inputmode="numeric"
            pattern="[0-9]*"
            maxlength=${part === 'year' ? 4 : 2}
            autocomplete=${id}
            enterkeyhint=${hint(id)}
            required
            aria-invalid=${invalid(view, 'birth-date')}
            aria-describedby="birth-date-hint birth-date-error"
          >
        </div>`;
      })}
    </div>
    ${error(view, 'birth-date')}
  </fieldset>`;
}

/**
 * The consent label with `{rules}` / `{privacy}` turned into links, opened in a new tab so the form keeps its input;
 * screen readers say so (their description, the hidden `#new-tab` beside the label).
 */
function consentLabel(view: FieldsView): (string | TemplateResult)[] {
  const { t } = view;
  const link = (href: string, text: string) =>
    html`<a part="link" href=${href} target="_blank" rel="noopener" aria-describedby="new-tab">${text}</a>`;
  const template = view.privacyUrl ? t.consent : t.consentRulesOnly;
  return template
    .split(/(\{rules\}|\{privacy\})/u)
    .map((piece) =>
      piece === '{rules}'
        ? link(view.rulesUrl, t.rules)
        : piece === '{privacy}' && view.privacyUrl
          ? link(view.privacyUrl, t.privacy)
          : piece,
    );
}

function consent(view: FieldsView): TemplateResult {
  return html`<div class="check" part="consent">
      <input
        part="checkbox"
        id="consent"
        name="consent"
        type="checkbox"
        required
        aria-invalid=${invalid(view, 'consent')}
        aria-describedby="consent-error"
      >
      <label for="consent">${consentLabel(view)}</label>
      <span id="new-tab" hidden>${view.t.newTab}</span>
    </div>
    ${error(view, 'consent')}
    <div class="check" part="opt-in">
      <input part="checkbox" id="marketing" name="marketing" type="checkbox">
      <label for="marketing">${view.t.marketing}</label>
    </div>`;
}
