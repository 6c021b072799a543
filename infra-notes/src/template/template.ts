// The stack's template and the one call that checks it all: spec conformance, references and security invariants.
import { readFileSync } from 'node:fs';
import { type CfnTemplate, parseTemplate } from './cfn-yaml.js';
import { expandLanguageExtensions, type ParameterValues } from './language-extensions.js';
import { loadResourceSpec, type ResourceSpec } from './resource-spec.js';
import { checkSecurityInvariants } from './security-invariants.js';
import { validateResources } from './spec-validation.js';
import type { TemplateIssue } from './template-issue.js';
import { checkReferences } from './template-references.js';

/** infra-notes/template.yaml. */
export const templateUrl = new URL('../../template.yaml', import.meta.url);

/** Parses infra-notes/template.yaml (with `Fn::ForEach` still in place). */
export function loadTemplate(): CfnTemplate {
  return parseTemplate(readFileSync(templateUrl, 'utf8'));
}

/** The most resources a template may declare after transforms (CloudFormation quota). */
export const MAX_RESOURCES = 500;

/** The largest template body CloudFormation accepts from S3 (`--s3-bucket`); inline bodies stop at 51,200 bytes. */
export const MAX_TEMPLATE_BYTES = 1_000_000;

/**
 * Expands the template for these parameter values and runs every check on the result.
 * @returns all issues; empty when the template is deployable as far as offline checks can tell
 */
export function checkTemplate(
  template: CfnTemplate,
  parameters: ParameterValues = {},
  spec: ResourceSpec = loadResourceSpec(),
): TemplateIssue[] {
  return checkExpandedTemplate(expandLanguageExtensions(template, parameters), spec);
}

/** Runs every check on an already expanded template (no `Fn::ForEach` left). */
export function checkExpandedTemplate(expanded: CfnTemplate, spec: ResourceSpec = loadResourceSpec()): TemplateIssue[] {
  const count = Object.keys(expanded.Resources).length;
  const quota: TemplateIssue[] =
    count > MAX_RESOURCES ? [{ path: 'Resources', message: `${count} resources, over the quota of 500` }] : [];
  return [
    ...quota,
    ...validateResources(expanded, spec),
    ...checkReferences(expanded, spec),
    ...checkSecurityInvariants(expanded),
  ];
}
