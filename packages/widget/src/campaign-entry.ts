// The script-tag entry: `<script type="module" src=".../campaign-entry.js">` defines <campaign-entry>; so does
// `import '@campaign-entry/widget'`, which imports this module. It exports only the class: the rest of the API (copy,
// events' types, constants) comes from `@campaign-entry/widget`, so the script-tag file carries nothing the form does
// not need to appear.
import { CampaignEntry } from './campaign-entry.component.js';

export { CampaignEntry };

// Defining twice throws; a page that loads the script twice (or two bundles) keeps the first definition.
if (!customElements.get('campaign-entry')) customElements.define('campaign-entry', CampaignEntry);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-entry': CampaignEntry;
  }
}
