// The notes say what the code computes and name what the template names.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { expandLanguageExtensions } from '../template/language-extensions.js';
import { loadTemplate, templateUrl } from '../template/template.js';
import { normalizeTables, syncDocsText } from './docs-tables.js';

const root = new URL('../../', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, root), 'utf8');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|md|sql|yaml|json)$/.test(name)) yield path;
  }
}

describe('the notes', () => {
  for (const doc of ['README.md', 'CAPACITY.md', 'COST.md']) {
    test(`${doc}'s generated tables match the models (run \`pnpm … run sync\` if not)`, () => {
      assert.equal(normalizeTables(syncDocsText(doc, read(doc))), normalizeTables(read(doc)));
    });
  }

  test('RUNBOOK.md has the section every alarm description points to', () => {
    const headings = new Set([...read('RUNBOOK.md').matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]));
    const references = [...readFileSync(templateUrl, 'utf8').matchAll(/RUNBOOK\.md\s+"([^"]+)"/g)].map((m) => m[1]);
    assert.ok(references.length >= 5);
    for (const section of references) assert.ok(headings.has(section), `RUNBOOK.md has no section "${section}"`);
  });

  test('CAPACITY.md’s resource count is the template’s', () => {
    const count = (n: number) =>
      Object.keys(
        expandLanguageExtensions(loadTemplate(), {
          DeliveryStreamIndexes: Array.from({ length: n }, (_, i) => String(i)),
        }).Resources,
      ).length;
    const perStream = count(2) - count(1);
    const base = count(1) - perStream;
    assert.match(read('CAPACITY.md'), new RegExp(`has ${base} \\+ ${perStream} per stream`));
    assert.match(read('CAPACITY.md'), new RegExp(`${count(4)} with the default 4 streams, ${count(50)} at 50`));
  });

  test('the README shows the architecture and a deploy command that works for this template', () => {
    const readme = read('README.md');
    assert.match(readme, /```mermaid\nflowchart/);
    assert.match(readme, /--capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND/);
    assert.match(readme, /--s3-bucket/);
  });

  test('no file holds an AWS account id other than the documentation placeholder', () => {
    for (const path of files(new URL('.', root).pathname)) {
      const ids = (readFileSync(path, 'utf8').match(/(?<![\w.-])\d{12}(?![\w.-])/g) ?? []).filter(
        (id) => id !== '111122223333',
      );
      assert.deepEqual(ids, [], path);
    }
  });
});
