// Checks that a template's internal references resolve: every `Ref`, `Fn::GetAtt` (attribute included, from the
// specification), `${…}` in `Fn::Sub`, `Condition` and `DependsOn` names something that exists, every parameter is
// used, and nothing unconditional points at a resource that a condition may leave out.
import { type CfnTemplate, type CfnValue, isObject } from './cfn-yaml.js';
import type { ResourceSpec } from './resource-spec.js';
import type { TemplateIssue } from './template-issue.js';

/** The pseudo parameters CloudFormation always defines. */
export const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

interface Scope {
  readonly path: string;
  /** Conditions known to be true here: the owner's `Condition` and enclosing `Fn::If` true branches. */
  readonly conditions: ReadonlySet<string>;
  /** Extra names a `Fn::Sub` variable map defines. */
  readonly locals: ReadonlySet<string>;
}

/**
 * Checks references across Resources, Outputs and Conditions of an expanded template.
 * @returns the issues found; empty when every reference resolves
 */
export function checkReferences(template: CfnTemplate, spec: ResourceSpec): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const parameters = new Set(Object.keys(template.Parameters ?? {}));
  const conditions = new Set(Object.keys(template.Conditions ?? {}));
  const resources = template.Resources;
  const usedParameters = new Set<string>();

  const checkName = (name: string, scope: Scope, how: string) => {
    if (PSEUDO_PARAMETERS.has(name) || scope.locals.has(name)) return;
    if (parameters.has(name)) {
      usedParameters.add(name);
      return;
    }
    const target = resources[name];
    if (!target) {
      issues.push({ path: scope.path, message: `${how} to unknown name ${name}` });
    } else if (target.Condition && !scope.conditions.has(target.Condition)) {
      issues.push({ path: scope.path, message: `${how} to ${name}, which exists only if ${target.Condition}` });
    }
  };

  const checkGetAtt = (name: string, attribute: string, scope: Scope) => {
    checkName(name, scope, 'Fn::GetAtt');
    const target = resources[name];
    const definition = target && spec.resource(target.Type);
    if (definition && !(attribute in definition.attributes)) {
      issues.push({ path: scope.path, message: `${target.Type} has no attribute ${attribute}` });
    }
  };

  const walk = (value: CfnValue, scope: Scope): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        walk(item, { ...scope, path: `${scope.path}[${i}]` });
      });
      return;
    }
    if (!isObject(value)) return;
    const [key] = Object.keys(value);
    const single = Object.keys(value).length === 1;
    const argument = value[key ?? ''] ?? null;
    if (single && key === 'Ref' && typeof argument === 'string') {
      checkName(argument, scope, 'Ref');
    } else if (single && key === 'Ref') {
      // Expansion turns `{Ref: {"Fn::Sub": "Literal"}}` into a plain name; anything else left has no target.
      issues.push({ path: scope.path, message: `Ref needs a literal name, not ${JSON.stringify(argument)}` });
    } else if (single && key === 'Condition' && typeof argument === 'string') {
      if (!conditions.has(argument)) issues.push({ path: scope.path, message: `unknown condition ${argument}` });
    } else if (key === 'Fn::GetAtt' && Array.isArray(argument) && typeof argument[0] === 'string') {
      checkGetAtt(argument[0], String(argument[1]), scope);
    } else if (key === 'Fn::Sub') {
      walkSub(argument, scope);
    } else if (key === 'Fn::If' && Array.isArray(argument) && typeof argument[0] === 'string') {
      const [condition, whenTrue, whenFalse] = argument as [string, CfnValue, CfnValue];
      if (!conditions.has(condition)) issues.push({ path: scope.path, message: `unknown condition ${condition}` });
      walk(whenTrue, { ...scope, conditions: new Set([...scope.conditions, condition]) });
      walk(whenFalse, scope);
    } else {
      for (const [childKey, child] of Object.entries(value))
        walk(child, { ...scope, path: `${scope.path}.${childKey}` });
    }
  };

  const walkSub = (argument: CfnValue, scope: Scope) => {
    const [text, variables] = Array.isArray(argument) ? argument : [argument, {}];
    if (typeof text !== 'string') {
      issues.push({ path: scope.path, message: 'Fn::Sub needs a string' });
      return;
    }
    const locals = new Set([...scope.locals, ...Object.keys(isObject(variables) ? variables : {})]);
    if (isObject(variables)) walk(variables, scope);
    for (const [, expression] of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
      const [name = '', ...attribute] = (expression ?? '').split('.');
      if (attribute.length > 0 && !locals.has(name)) checkGetAtt(name, attribute.join('.'), scope);
      else checkName(name, { ...scope, locals }, 'Fn::Sub');
    }
  };

  for (const [name, condition] of Object.entries(template.Conditions ?? {})) {
    walk(condition, { path: `Conditions.${name}`, conditions: new Set(), locals: new Set() });
  }
  for (const [logicalId, resource] of Object.entries(resources)) {
    const scope: Scope = {
      path: `Resources.${logicalId}`,
      conditions: new Set(resource.Condition ? [resource.Condition] : []),
      locals: new Set(),
    };
    if (resource.Condition && !conditions.has(resource.Condition)) {
      issues.push({ path: scope.path, message: `unknown condition ${resource.Condition}` });
    }
    for (const dependency of [resource.DependsOn ?? []].flat()) checkName(dependency, scope, 'DependsOn');
    walk(resource.Properties ?? {}, { ...scope, path: `${scope.path}.Properties` });
    walk(resource.Metadata ?? {}, { ...scope, path: `${scope.path}.Metadata` });
  }
  for (const [name, output] of Object.entries(template.Outputs ?? {})) {
    const condition = isObject(output) && typeof output.Condition === 'string' ? output.Condition : undefined;
    walk(output, { path: `Outputs.${name}`, conditions: new Set(condition ? [condition] : []), locals: new Set() });
  }
  for (const name of parameters) {
    if (!usedParameters.has(name)) issues.push({ path: `Parameters.${name}`, message: 'parameter is never used' });
  }
  return issues;
}
