// Checks every resource of a (ForEach-expanded) template against the CloudFormation resource specification: the type
// exists, each property name exists, required properties are present, and literal values have the declared shape,
// recursing into property types. Values computed by intrinsic functions are accepted as they are (both branches of
// `Fn::If` are still checked), since only CloudFormation can evaluate them.
import { type CfnTemplate, type CfnValue, isObject } from './cfn-yaml.js';
import type { ResourceSpec, SpecShape, SpecType } from './resource-spec.js';
import type { TemplateIssue } from './template-issue.js';

/** Keys a resource declaration may carry besides `Type` and `Properties`. */
const RESOURCE_ATTRIBUTES = new Set([
  'Type',
  'Properties',
  'Condition',
  'DependsOn',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'Metadata',
  'CreationPolicy',
  'UpdatePolicy',
]);

/** True when the value is an intrinsic function call such as `{"Ref": …}` or `{"Fn::Sub": …}`. */
export function isIntrinsic(value: CfnValue): value is Record<string, CfnValue> {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]?.startsWith('Fn::') === true);
}

/**
 * Validates every resource's type and properties against the specification.
 * @returns the issues found; empty when the template conforms
 */
export function validateResources(template: CfnTemplate, spec: ResourceSpec): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    const path = `Resources.${logicalId}`;
    if (!/^[A-Za-z0-9]+$/.test(logicalId)) issues.push({ path, message: 'logical ids must be alphanumeric' });
    for (const key of Object.keys(resource)) {
      if (!RESOURCE_ATTRIBUTES.has(key)) issues.push({ path, message: `unknown resource attribute ${key}` });
    }
    if (resource.Type.startsWith('Custom::')) continue;
    const definition = spec.resource(resource.Type);
    if (!definition) {
      issues.push({ path: `${path}.Type`, message: `unknown resource type ${resource.Type}` });
      continue;
    }
    validateShape(definition, resource.Properties ?? {}, `${path}.Properties`, spec, issues);
  }
  return issues;
}

function validateShape(
  shape: SpecShape,
  value: Record<string, CfnValue>,
  path: string,
  spec: ResourceSpec,
  issues: TemplateIssue[],
): void {
  for (const [name, property] of Object.entries(shape.properties)) {
    if (property.required && !(name in value)) issues.push({ path, message: `missing required property ${name}` });
  }
  for (const [name, child] of Object.entries(value)) {
    const property = shape.properties[name];
    if (!property) {
      const hint = closestName(name, Object.keys(shape.properties));
      issues.push({
        path,
        message: `unknown property ${name} of ${shape.name}${hint ? ` (did you mean ${hint}?)` : ''}`,
      });
      continue;
    }
    validateValue(child, property.type, `${path}.${name}`, spec, issues);
  }
}

function validateValue(
  value: CfnValue,
  type: SpecType,
  path: string,
  spec: ResourceSpec,
  issues: TemplateIssue[],
): void {
  if (isIntrinsic(value)) {
    const branches = value['Fn::If'];
    if (Array.isArray(branches)) {
      for (const branch of branches.slice(1)) {
        if (!(isObject(branch) && branch.Ref === 'AWS::NoValue')) validateValue(branch, type, path, spec, issues);
      }
    }
    return;
  }
  const fail = (expected: string) => issues.push({ path, message: `expected ${expected}, got ${describe(value)}` });
  switch (type.type) {
    case 'string':
    case 'date-time':
      if (typeof value === 'object' && value !== null) fail('a string');
      else if (type.type === 'string' && type.allowedValues && !type.allowedValues.includes(String(value))) {
        fail(`one of ${type.allowedValues.join(', ')}`);
      }
      return;
    case 'integer':
    case 'number':
      if (!(typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(+value)))) {
        fail('a number');
      }
      return;
    case 'boolean':
      if (!(typeof value === 'boolean' || value === 'true' || value === 'false')) fail('a boolean');
      return;
    case 'json':
    case 'null':
      return;
    case 'tag':
      if (!isObject(value) || !('Key' in value) || !('Value' in value)) fail('a {Key, Value} tag');
      return;
    case 'array':
      if (!Array.isArray(value)) {
        fail('a list');
        return;
      }
      for (const [i, item] of value.entries()) validateValue(item, type.element, `${path}[${i}]`, spec, issues);
      return;
    case 'map':
      if (!isObject(value)) {
        fail('a map');
        return;
      }
      for (const [key, item] of Object.entries(value)) {
        validateValue(item, type.element, `${path}.${key}`, spec, issues);
      }
      return;
    case 'ref': {
      const shape = spec.definition(type.reference);
      if (isObject(value)) validateShape(shape, value, path, spec, issues);
      else fail(`a ${shape.name} object`);
      return;
    }
    case 'union': {
      const attempts = type.types.map((member) => {
        const found: TemplateIssue[] = [];
        validateValue(value, member, path, spec, found);
        return found;
      });
      if (attempts.some((found) => found.length === 0)) return;
      // Report the attempt that got furthest (fewest issues) rather than every alternative.
      issues.push(...(attempts.sort((a, b) => a.length - b.length)[0] ?? []));
      return;
    }
  }
}

function describe(value: CfnValue): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** The known name within edit distance 2 of a misspelt one, for a helpful message. */
function closestName(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
