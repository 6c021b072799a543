// The harness the broken-template tests share: a pristine expanded copy, a helper to reach into its untyped
// properties, and one runner that checks every mutation is reported.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CfnTemplate, CfnValue } from './cfn-yaml.js';
import { expandLanguageExtensions } from './language-extensions.js';
import { checkExpandedTemplate, loadTemplate } from './template.js';
import { formatIssues } from './template-issue.js';

/** A value inside the template's untyped JSON document; mutations reach deep into it on purpose. */
// biome-ignore lint/suspicious/noExplicitAny: mutations reach deep into an untyped JSON document on purpose
export type Json = any;

/** A template copy whose resources may be deleted or replaced. */
export type MutableTemplate = CfnTemplate & { Resources: Record<string, CfnValue> };

/** [what is broken, how, what the checks must say]. */
export type BrokenCopy = readonly [what: string, mutate: (t: MutableTemplate) => void, expected: RegExp];

/** The properties of resource `id`, for a mutation to edit. */
export const props = (t: CfnTemplate, id: string): Json => t.Resources[id]?.Properties as Json;

/**
 * Declares one test per broken copy (each must be reported with a message matching its pattern), after a test that
 * the pristine template passes, so each failure is the mutation's.
 */
export function describeBrokenCopies(title: string, copies: readonly BrokenCopy[]): void {
  const pristine = expandLanguageExtensions(loadTemplate());
  describe(title, () => {
    test('the pristine copy passes (so each failure below is the mutation’s)', () => {
      assert.equal(formatIssues(checkExpandedTemplate(pristine)), '');
    });
    for (const [what, mutate, expected] of copies) {
      test(`when it has ${what}`, () => {
        const broken = structuredClone(pristine) as MutableTemplate;
        mutate(broken);
        const report = formatIssues(checkExpandedTemplate(broken));
        assert.match(report, expected, report || '(no issues at all)');
      });
    }
  });
}
