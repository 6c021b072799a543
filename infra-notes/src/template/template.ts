// The stack's template and the one call that checks it all: spec conformance, references and security invariants.
import { readFileSync } from 'node:fs';
import { type CfnTemplate, parseTemplate } from './cfn-yaml.js';
import { checkIdentity, REGIONAL_STREAM_ARN_PREFIX } from './invariants/identity.js';
import { expandLanguageExtensions, type ParameterValues } from './language-extensions.js';
import { loadResourceSpec, type ResourceSpec } from './resource-spec.js';
import { checkSecurityInvariants } from './security-invariants.js';
import { validateResources } from './spec-validation.js';
import type { TemplateIssue } from './template-issue.js';
import { checkReferences } from './template-references.js';

/** infra-notes/template.yaml. */
export const templateUrl = new URL('../../template.yaml', import.meta.url);

/** infra-notes/identity-region.yaml: one more region's identity pool and guest role, deployed once per extra region. */
export const identityRegionTemplateUrl = new URL('../../identity-region.yaml', import.meta.url);

/** Parses a template (by default infra-notes/template.yaml, with `Fn::ForEach` still in place). */
export function loadTemplate(url: URL = templateUrl): CfnTemplate {
  return parseTemplate(readFileSync(url, 'utf8'));
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

/**
 * Runs the checks that apply to a regional identity stack (identity-region.yaml): resource specification, references
 * and the identity invariants, its guest role writing only to the main stack's streams in `StreamRegion`. (The
 * storage, edge and other invariants concern resources only the main stack has.)
 */
export function checkIdentityRegionTemplate(
  template: CfnTemplate,
  spec: ResourceSpec = loadResourceSpec(),
): TemplateIssue[] {
  return [
    ...validateResources(template, spec),
    ...checkReferences(template, spec),
    ...checkIdentity(template, REGIONAL_STREAM_ARN_PREFIX),
  ];
}
