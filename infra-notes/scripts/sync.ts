// `pnpm --filter @campaign-entry/infra-notes run sync`: regenerates what is derived from a single source —
// the template's named queries and QuickSight dataset (from athena/*.sql) and the tables in README.md, CAPACITY.md
// and COST.md (from the queries, src/sql/sql-dialects.ts, src/models/capacity-plan.ts and src/models/cost-model.ts). The tests fail until this has been run after a change.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { syncDocsText } from '../src/docs/docs-tables.js';
import { syncTemplateText } from '../src/docs/generated-sections.js';
import { templateUrl } from '../src/template/template.js';

const written = new Map<string, string>();

function sync(url: URL, render: (text: string) => string): void {
  const before = readFileSync(url, 'utf8');
  const after = render(before);
  if (after !== before) {
    writeFileSync(url, after);
    written.set(url.pathname, before);
  }
}

sync(templateUrl, syncTemplateText);
for (const doc of ['README.md', 'CAPACITY.md', 'COST.md']) {
  sync(new URL(`../${doc}`, import.meta.url), (text) => syncDocsText(doc, text));
}
// Biome formats YAML and Markdown too (`pnpm lint` checks it): format what was rewritten, as the repository does.
if (written.size > 0) {
  const biome = new URL('../../node_modules/.bin/biome', import.meta.url).pathname;
  const formatted = spawnSync(biome, ['format', '--write', ...written.keys()], { stdio: 'inherit' });
  if (formatted.status !== 0) process.exit(formatted.status ?? 1);
}
const changed = [...written].filter(([path, before]) => readFileSync(path, 'utf8') !== before).map(([path]) => path);
console.log(changed.length > 0 ? `updated ${changed.join(', ')}` : 'everything was up to date');
