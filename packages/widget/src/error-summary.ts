// The GOV.UK error summary: after a refused submit, a box at the top of the form lists each problem as a link to its
// field, and takes focus so it is read out first. Rendered from the controller's chunk (the first file only places
// it); links inside a shadow root do not move focus by themselves, so each one does.
import type { EntryIssue, IssueTarget } from '@campaign-entry/sdk/rules';
import { html, type TemplateResult } from 'lit';
import { datePartName, datePartOrder } from './birth-date.js';
import type { CampaignEntryStrings } from './strings/strings.js';

/** The control a problem's link focuses: the field's input, the date's first box, the consent box. */
function controlId(t: CampaignEntryStrings, field: IssueTarget): string {
  return field === 'birth-date' ? datePartName(datePartOrder(t.dateOrder)[0] ?? 'month') : field;
}

function jump(event: Event): void {
  event.preventDefault();
  const link = event.currentTarget as HTMLAnchorElement;
  (link.getRootNode() as ShadowRoot).getElementById(link.hash.slice(1))?.focus();
}

/**
 * The summary of `issues` (the record-level ones have no field to link to and are listed as text), worded by
 * `message`.
 */
export function errorSummary(
  t: CampaignEntryStrings,
  issues: readonly EntryIssue[],
  message: (issue: EntryIssue) => string,
): TemplateResult {
  return html`<div class="alert summary" part="summary" role="group" aria-labelledby="summary-title" tabindex="-1">
    <h2 id="summary-title">${t.summaryTitle}</h2>
    <ul>
      ${issues.map((issue) =>
        issue.field === 'record'
          ? html`<li>${message(issue)}</li>`
          : html`<li><a href="#${controlId(t, issue.field)}" @click=${jump}>${message(issue)}</a></li>`,
      )}
    </ul>
  </div>`;
}
