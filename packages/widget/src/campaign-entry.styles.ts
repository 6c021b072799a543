import { unsafeCSS } from 'lit';

/**
 * The element's styles. Everything themable goes through `--campaign-entry-*` custom properties (read into private
 * `--_*` ones so dark mode can change the defaults without overriding a page's choice) and `::part()`s.
 *
 * One static string, nothing interpolated: `unsafeCSS` makes the same CSSResult the `css` tag would, and spares the
 * first file the tag's checks on interpolated values.
 */
export const styles = unsafeCSS(/* css */ `
  :host {
    --_accent: var(--campaign-entry-accent, #0b57d0);
    --_accent-text: var(--campaign-entry-accent-text, var(--_fit, #fff));
    --_bg: var(--campaign-entry-background, #fff);
    --_fg: var(--campaign-entry-text, #1d1b20);
    --_muted: var(--campaign-entry-muted, #49454f);
    --_border: var(--campaign-entry-border, #79747e);
    --_error: var(--campaign-entry-error, #b3261e);
    --_success: var(--campaign-entry-success, #146c2e);
    --_radius: var(--campaign-entry-radius, 8px);
    --_gap: var(--campaign-entry-gap, 16px);
    display: block;
    box-sizing: border-box;
    padding: var(--campaign-entry-padding, 16px);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: max(16px, 1rem) / 1.5 var(--campaign-entry-font, system-ui, sans-serif);
    overflow-wrap: anywhere;
    color-scheme: light dark;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--campaign-entry-accent, #a8c7fa);
      --_accent-text: var(--campaign-entry-accent-text, var(--_fit, #062e6f));
      --_bg: var(--campaign-entry-background, #1d1b20);
      --_fg: var(--campaign-entry-text, #e6e0e9);
      --_muted: var(--campaign-entry-muted, #cac4d0);
      --_border: var(--campaign-entry-border, #938f99);
      --_error: var(--campaign-entry-error, #f2b8b5);
      --_success: var(--campaign-entry-success, #6dd58c);
    }
  }
  /*
   * The page's own accent gets black or white text, whichever contrasts more: white while its WCAG luminance (Y, as
   * xyz-d65 has it) is under 0.1791, where both reach 4.58:1, so the pair always reads at 4.5:1 or better. Each
   * channel goes far past 1 or 0, which clips to white or black. Without the page's accent (or this syntax) --_fit is
   * invalid and the defaults above apply.
   */
  @supports (color: color(from red xyz-d65 x y z)) {
    :host {
      --_fit: color(from var(--campaign-entry-accent) xyz-d65
        calc((.1791 - y)*1e9) calc((.1791 - y)*1e9) calc((.1791 - y)*1e9));
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  form,
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .field {
    margin: 0 0 var(--_gap);
  }
  label,
  legend {
    display: block;
    padding: 0;
    font-weight: 600;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
  }
  input:not([type='checkbox']) {
    display: block;
    width: 100%;
    min-height: 48px;
    margin: 4px 0 0;
    padding: 8px 12px;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
  }
  [aria-invalid='true'] {
    border-color: var(--_error) !important;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  /* A bar beside an error, not colour alone: it stays in forced colours, where errors would look like any text. */
  .error {
    margin: 4px 0 0;
    padding-inline-start: 8px;
    border-inline-start: 4px solid;
    color: var(--_error);
    font-weight: 600;
  }
  .error:empty {
    display: none;
  }
  /* The boxes wrap rather than squeeze "Month" into "Mo/nt/h" (200 % text on a 320 px phone). */
  .date {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
  }
  .date > div {
    flex: 2 1 4.5em;
    min-width: 0;
  }
  .date > .year {
    flex-grow: 3;
  }
  .check {
    position: relative;
    display: flex;
    align-items: flex-start;
    gap: 12px;
    min-height: 44px;
    padding: 10px 0;
  }
  .check input {
    flex: none;
    width: 24px;
    height: 24px;
    margin: 0;
    accent-color: var(--_accent);
  }
  .check label {
    font-weight: 400;
  }
  /* The whole row toggles the box (a 44 px target); links stay clickable above it. */
  .check label::before {
    content: '';
    position: absolute;
    inset: 0;
  }
  a {
    position: relative;
    color: inherit;
    font-weight: 600;
  }
  .hp {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  button {
    display: block;
    width: 100%;
    min-height: 48px;
    margin: var(--_gap) 0 0;
    padding: 8px 16px;
    /* Invisible, but drawn in forced colours, where the background goes: the button keeps its outline. */
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }
  [aria-disabled='true'] {
    cursor: progress;
  }
  .alert {
    margin: 0 0 var(--_gap);
    padding: 8px 12px;
    border-inline-start: 4px solid var(--_error);
  }
  .alert p,
  .message p {
    margin: 0;
  }
  h2 {
    margin: 0 0 8px;
    font-size: 1.375em;
    line-height: 1.25;
  }
  .delivered h2 {
    color: var(--_success);
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    margin-inline-end: 8px;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    vertical-align: -0.125em;
  }
  @media (prefers-reduced-motion: no-preference) {
    .spinner {
      animation: spin 0.8s linear infinite;
    }
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  .status {
    margin: 12px 0 0;
  }
  .status:empty {
    margin: 0;
  }
`);
