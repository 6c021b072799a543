// The language switch of a campaign offering several languages (`locales`), in its own chunk: only such campaigns
// load it, so a one-language page's first file carries none of it. It picks the language (the entrant's choice this
// visit, else the `locale` attribute, else the browser's languages, else the page's) and draws one button per language.
// The choice is kept for the visit (sessionStorage), so a reload or the site's next page stays in the language picked.
import { storageKey } from '@campaign-entry/sdk/rules';
import { html, type LitElement, type TemplateResult, unsafeCSS } from 'lit';
import { LOCALES, type Locale, pickLocale } from './strings/locale.js';

// Each language named in itself: an entrant who cannot read the current one still finds theirs.
const NAMES: Readonly<Record<Locale, string>> = { en: 'English', es: 'Español' };
const KEY = storageKey('locale');

/** What the switch reads of the element. */
export interface SwitchHost extends LitElement {
  readonly locale?: string | undefined;
  readonly locales?: string | undefined;
}

/** The switch's styles: small text buttons at the top end, not the submit button's look. */
const switchStyles = unsafeCSS(/* css */ `
  .languages {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 8px;
    margin: 0 0 8px;
  }
  .languages button {
    width: auto;
    min-width: 48px;
    min-height: 32px;
    margin: 0;
    padding: 4px 8px;
    border: 1px solid var(--_border);
    background: transparent;
    color: inherit;
    font-weight: 400;
  }
  .languages [aria-pressed='true'] {
    border: 2px solid var(--_accent);
    font-weight: 700;
  }
`);
const styled = new WeakSet<ShadowRoot>();
// The choice when sessionStorage is blocked: it lasts as long as the page.
let chosen: string | null = null;

/**
 * The supported languages a comma list such as the `locales` attribute offers, in its order, without repeats.
 * @example offeredLocales('en, es-US, fr') // ['en', 'es']
 */
export function offeredLocales(list: string | undefined): Locale[] {
  const offered = new Set<Locale>();
  for (const tag of (list ?? '').split(',')) {
    const primary = tag.trim().toLowerCase().split(/[-_]/u)[0];
    const found = LOCALES.find((locale) => locale === primary);
    if (found) offered.add(found);
  }
  return [...offered];
}

/** The language `host` speaks: the entrant's choice this visit, `locale`, the browser's languages, then `page`. */
export function switchedLocale(host: SwitchHost, page: string | null | undefined): Locale {
  try {
    chosen = sessionStorage.getItem(KEY) ?? chosen;
  } catch {
    // storage blocked: the choice made on this page stands
  }
  return pickLocale([chosen, host.locale, ...navigator.languages, page], offeredLocales(host.locales));
}

/**
 * The switch for `host` in language `current`, or nothing when it offers one language: one button per language,
 * named in itself and marked with its own `lang` (screen readers say "Español" in a Spanish voice), the current one
 * pressed. A press keeps the choice for the visit.
 */
export function languageSwitch(host: SwitchHost, current: Locale): TemplateResult | string {
  const offered = offeredLocales(host.locales);
  if (offered.length < 2) return '';
  const root = host.renderRoot as ShadowRoot;
  if (!styled.has(root)) {
    styled.add(root);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, switchStyles.styleSheet as CSSStyleSheet];
  }
  const choose = (locale: Locale) => {
    chosen = locale;
    try {
      sessionStorage.setItem(KEY, locale);
    } catch {
      // storage blocked: kept in `chosen`
    }
    host.requestUpdate();
  };
  return html`<div class="languages" part="languages">
    ${offered.map(
      (locale) =>
        html`<button type="button" part="language" lang=${locale} aria-pressed=${locale === current}
          @click=${() => choose(locale)}>${NAMES[locale]}</button>`,
    )}
  </div>`;
}
