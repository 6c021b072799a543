// The script-tag entry: `<script type="module" src=".../campaign-entry.js">` defines <campaign-entry>. Bundlers import
// it as `@campaign-entry/widget/campaign-entry.js` for the same effect; `@campaign-entry/widget` alone defines nothing.
import { CampaignEntry } from './campaign-entry.component.js';

export * from './index.js';

// Defining twice throws; a page that loads the script twice (or two bundles) keeps the first definition.
if (!customElements.get('campaign-entry')) customElements.define('campaign-entry', CampaignEntry);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-entry': CampaignEntry;
  }
}
