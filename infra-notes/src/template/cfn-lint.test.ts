// The template must also pass AWS's own linter, which knows rules our offline checks do not model (and the reverse).
// cfn-lint is a Python tool installed on every development and CI machine; a missing one is a failure, not a skip,
// so no run can quietly lose this check.
import assert from 'node:assert/strict';
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { identityRegionTemplateUrl, templateUrl } from './template.js';

const templates = [templateUrl, identityRegionTemplateUrl].map((url) => fileURLToPath(url));

/** One cfn-lint run over both templates (its start-up is most of its time); findings are per file. */
const lint = (() => {
  let run: SpawnSyncReturns<string> | undefined;
  return () => {
    run ??= spawnSync('cfn-lint', ['--format', 'parseable', ...templates], { encoding: 'utf8', timeout: 300_000 });
    return run;
  };
})();

/** Asserts cfn-lint ran and found nothing in `url`'s template. */
function assertLintClean(url: URL): void {
  const run = lint();
  const missing = (run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  assert.ok(!missing, 'cfn-lint is not installed: pip install cfn-lint (then re-run the tests)');
  assert.ifError(run.error);
  const path = fileURLToPath(url);
  const findings = `${run.stdout}${run.stderr}`
    .split('\n')
    .filter(
      (line) => line.startsWith(`${path}:`) || (line.trim() !== '' && !templates.some((t) => line.startsWith(`${t}:`))),
    )
    .join('\n')
    .trim();
  assert.equal(findings, '', `cfn-lint findings:\n${findings}`);
  assert.equal(run.status, 0, `cfn-lint exited with ${run.status}`);
}

describe('cfn-lint', () => {
  test('reports no error and no warning on template.yaml', () => assertLintClean(templateUrl));

  test('reports no error and no warning on identity-region.yaml', () => assertLintClean(identityRegionTemplateUrl));
});
