// Offline expansion of the `AWS::LanguageExtensions` transform's `Fn::ForEach` (and `Fn::Length`), so the checks see
// the template CloudFormation will actually create: one delivery stream, log stream and alarm set per index.
import { type CfnTemplate, type CfnValue, isObject } from './cfn-yaml.js';

/** Parameter values by name; lists as arrays (a CommaDelimitedList) or comma-separated strings. */
export type ParameterValues = Readonly<Record<string, string | readonly string[]>>;

const FOR_EACH = 'Fn::ForEach::';

/** Every parameter's `Default`, as CloudFormation would use it when the deployer passes nothing. */
export function parameterDefaults(template: CfnTemplate): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const [name, parameter] of Object.entries(template.Parameters ?? {})) {
    if (parameter.Default !== undefined) defaults[name] = String(parameter.Default);
  }
  return defaults;
}

/**
 * Returns a copy of the template with every `Fn::ForEach::<Loop>` replaced by its generated entries and
 * `AWS::LanguageExtensions` dropped from `Transform`. Supports the documented collection forms: a literal list or a
 * `Ref` to a list parameter. Placeholders `${Id}`/`&{Id}` in keys and strings, and `{Ref: Id}`, take each item.
 * A computed name, `{Ref: {"Fn::Sub": "Name${Id}"}}`, becomes the plain `{Ref: "Name0"}` once nothing is left to
 * substitute (the transform resolves it the same way; a bare `!Ref Name${Id}` is not accepted by cfn-lint).
 * @throws when a loop generates a key that already exists (CloudFormation rejects that too)
 */
export function expandLanguageExtensions(template: CfnTemplate, overrides: ParameterValues = {}): CfnTemplate {
  const parameters = { ...parameterDefaults(template), ...overrides };
  const expanded = expandValue(structuredClone(template) as unknown as CfnValue, parameters, 'template');
  const result = expanded as unknown as CfnTemplate;
  const transforms = [result.Transform ?? []].flat().filter((name) => name !== 'AWS::LanguageExtensions');
  if (transforms.length === 0) delete result.Transform;
  else result.Transform = transforms;
  return result;
}

function expandValue(value: CfnValue, parameters: ParameterValues, path: string): CfnValue {
  if (Array.isArray(value)) return value.map((item, i) => expandValue(item, parameters, `${path}[${i}]`));
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'Fn::Length') {
    const list = resolveList(value['Fn::Length'] ?? null, parameters, path);
    if (list) return list.length;
  }
  const out: Record<string, CfnValue> = {};
  const literalName = literalRefName(value);
  if (literalName !== undefined) return { Ref: literalName };
  for (const [key, child] of Object.entries(value)) {
    if (!key.startsWith(FOR_EACH)) {
      addKey(out, key, expandValue(child, parameters, `${path}.${key}`), path);
      continue;
    }
    for (const [genKey, genValue] of Object.entries(expandForEach(key, child, parameters, path))) {
      addKey(out, genKey, genValue, path);
    }
  }
  return out;
}

function expandForEach(
  key: string,
  loop: CfnValue,
  parameters: ParameterValues,
  path: string,
): Record<string, CfnValue> {
  const where = `${path}.${key}`;
  if (!Array.isArray(loop) || loop.length !== 3 || typeof loop[0] !== 'string' || !isObject(loop[2])) {
    throw new Error(`${where}: expected [Identifier, Collection, {OutputKey: OutputValue}]`);
  }
  const [identifier, collection, fragment] = loop as [string, CfnValue, Record<string, CfnValue>];
  const items = resolveList(collection, parameters, where);
  if (!items) throw new Error(`${where}: the collection must be a list or a Ref to a list parameter`);
  for (const outputKey of Object.keys(fragment)) {
    if (!outputKey.includes(`\${${identifier}}`) && !outputKey.includes(`&{${identifier}}`)) {
      throw new Error(`${where}: output key ${outputKey} must contain \${${identifier}} or &{${identifier}}`);
    }
  }
  const out: Record<string, CfnValue> = {};
  for (const item of items) {
    const replaced = substitute(fragment, identifier, item) as Record<string, CfnValue>;
    for (const [genKey, genValue] of Object.entries(replaced)) {
      addKey(out, genKey, expandValue(genValue, parameters, `${where}.${genKey}`), where);
    }
  }
  return out;
}

/** `{Ref: {"Fn::Sub": "Literal"}}` with no `${` left: the name the transform resolves it to. */
function literalRefName(value: Record<string, CfnValue>): string | undefined {
  const keys = Object.keys(value);
  const argument = value.Ref;
  if (keys.length !== 1 || !isObject(argument) || Object.keys(argument).length !== 1) return undefined;
  const text = argument['Fn::Sub'];
  return typeof text === 'string' && !text.includes('${') ? text : undefined;
}

function resolveList(value: CfnValue, parameters: ParameterValues, where: string): readonly string[] | undefined {
  if (Array.isArray(value)) return value.map((item) => String(item));
  if (isObject(value) && typeof value.Ref === 'string') {
    const given = parameters[value.Ref];
    if (given === undefined) throw new Error(`${where}: no value for parameter ${value.Ref}`);
    return typeof given === 'string' ? given.split(',').map((item) => item.trim()) : given;
  }
  return undefined;
}

function substitute(value: CfnValue, identifier: string, item: string): CfnValue {
  const alphanumeric = item.replace(/[^A-Za-z0-9]/g, '');
  const replaceIn = (text: string) =>
    text.replaceAll(`\${${identifier}}`, item).replaceAll(`&{${identifier}}`, alphanumeric);
  if (typeof value === 'string') return replaceIn(value);
  if (Array.isArray(value)) return value.map((child) => substitute(child, identifier, item));
  if (!isObject(value)) return value;
  if (Object.keys(value).length === 1 && value.Ref === identifier) return item;
  const out: Record<string, CfnValue> = {};
  for (const [key, child] of Object.entries(value)) out[replaceIn(key)] = substitute(child, identifier, item);
  return out;
}

function addKey(target: Record<string, CfnValue>, key: string, value: CfnValue, where: string): void {
  if (Object.hasOwn(target, key)) throw new Error(`${where}: Fn::ForEach generated a duplicate key ${key}`);
  target[key] = value;
}
