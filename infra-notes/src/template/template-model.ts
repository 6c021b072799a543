// Small readers over a parsed template for the invariant checks: find resources, follow references, read policies.
import { type CfnResource, type CfnTemplate, type CfnValue, isObject } from './cfn-yaml.js';

/** A resource with its logical id. */
export interface NamedResource {
  readonly id: string;
  readonly resource: CfnResource;
  /** Shortcut to `resource.Properties` (empty when absent). */
  readonly properties: Record<string, CfnValue>;
}

/** Every resource of one type, e.g. `AWS::S3::Bucket`. */
export function resourcesOfType(template: CfnTemplate, type: string): NamedResource[] {
  return Object.entries(template.Resources)
    .filter(([, resource]) => resource.Type === type)
    .map(([id, resource]) => ({ id, resource, properties: resource.Properties ?? {} }));
}

/**
 * The logical id a value points at: `{Ref: X}`, `{"Fn::GetAtt": [X, …]}` or a `Fn::Sub` string that is exactly
 * `${X}` / `${X.Attr}`. Undefined for anything else.
 */
export function referencedId(value: CfnValue | undefined): string | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.Ref === 'string') return value.Ref;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  const sub = value['Fn::Sub'];
  const match = typeof sub === 'string' ? sub.match(/^\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}$/) : null;
  return match?.[1];
}

/** True when any reference inside the value (Ref, GetAtt, `${X}` or `${X.…}` in Fn::Sub) names this logical id. */
export function mentions(value: CfnValue | undefined, id: string): boolean {
  if (typeof value === 'string') return false;
  if (Array.isArray(value)) return value.some((item) => mentions(item, id));
  if (!isObject(value)) return false;
  if (referencedId(value) === id) return true;
  const sub = value['Fn::Sub'];
  const text = Array.isArray(sub) ? sub[0] : sub;
  if (typeof text === 'string' && new RegExp(`\\$\\{${id}(\\.|\\})`).test(text)) return true;
  return Object.values(value).some((child) => mentions(child, id));
}

/** A value as a list: arrays as they are, anything else as a one-item list, absent as empty. */
export function asList(value: CfnValue | undefined): CfnValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The statements of an IAM policy document, skipping `Fn::If` branches that are `AWS::NoValue`. */
export function statements(document: CfnValue | undefined): Record<string, CfnValue>[] {
  if (!isObject(document)) return [];
  return asList(document.Statement).flatMap((statement) => {
    const branches = isObject(statement) ? statement['Fn::If'] : undefined;
    const options = Array.isArray(branches) ? branches.slice(1) : [statement];
    return options.filter((option): option is Record<string, CfnValue> => isObject(option) && !('Ref' in option));
  });
}

/** The literal text of a string or of a `Fn::Sub` template (variables left as `${…}`). */
export function literalText(value: CfnValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (!isObject(value)) return undefined;
  const sub = value['Fn::Sub'];
  const text = Array.isArray(sub) ? sub[0] : sub;
  return typeof text === 'string' ? text : undefined;
}

/** True when the principal is everyone: `"*"` or `{AWS: "*"}`. */
export function isEveryone(principal: CfnValue | undefined): boolean {
  if (principal === '*') return true;
  return isObject(principal) && asList(principal.AWS).includes('*');
}

/** Reads a nested property by path, e.g. `get(props, 'DistributionConfig', 'ViewerCertificate')`. */
export function get(value: CfnValue | undefined, ...path: string[]): CfnValue | undefined {
  let current = value;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}
