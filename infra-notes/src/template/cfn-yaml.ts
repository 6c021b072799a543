// Parses CloudFormation YAML, short-form tags included (`!Ref`, `!Sub`, `!GetAtt`, …), into the long JSON form
// (`{"Ref": …}`, `{"Fn::Sub": …}`) that CloudFormation itself evaluates, so every check works on one shape.

import type { CollectionTag, ScalarTag, Tags, YAMLMap, YAMLSeq } from 'yaml';
import { parse } from 'yaml';

/** A JSON value as found in a parsed template. */
export type CfnValue = string | number | boolean | null | CfnValue[] | { [key: string]: CfnValue };

/** The top-level sections of a template (all optional; only those this project uses are typed). */
export interface CfnTemplate {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Transform?: string | string[];
  Metadata?: Record<string, CfnValue>;
  Parameters?: Record<string, CfnParameter>;
  Rules?: Record<string, CfnValue>;
  Mappings?: Record<string, CfnValue>;
  Conditions?: Record<string, CfnValue>;
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, CfnValue>;
}

/** A template parameter declaration. */
export interface CfnParameter {
  Type: string;
  Default?: string | number;
  Description?: string;
  AllowedValues?: (string | number)[];
  AllowedPattern?: string;
  MinValue?: number;
  MaxValue?: number;
  [key: string]: CfnValue | undefined;
}

/** A resource declaration. */
export interface CfnResource {
  Type: string;
  Properties?: Record<string, CfnValue>;
  Condition?: string;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Metadata?: Record<string, CfnValue>;
  [key: string]: CfnValue | undefined;
}

/** Short-form tag → long-form function name. `!GetAtt a.b` is special-cased below. */
const FUNCTIONS = {
  Ref: 'Ref',
  Condition: 'Condition',
  Sub: 'Fn::Sub',
  GetAtt: 'Fn::GetAtt',
  If: 'Fn::If',
  Equals: 'Fn::Equals',
  Not: 'Fn::Not',
  And: 'Fn::And',
  Or: 'Fn::Or',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  Join: 'Fn::Join',
  FindInMap: 'Fn::FindInMap',
  ImportValue: 'Fn::ImportValue',
  Base64: 'Fn::Base64',
  Cidr: 'Fn::Cidr',
  GetAZs: 'Fn::GetAZs',
  Transform: 'Fn::Transform',
  Length: 'Fn::Length',
  ToJsonString: 'Fn::ToJsonString',
} as const;

function scalarValue(name: keyof typeof FUNCTIONS, value: string): CfnValue {
  // `!GetAtt Resource.Attribute.Part` means ["Resource", "Attribute.Part"]: only the first dot separates.
  if (name === 'GetAtt') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [FUNCTIONS[name]]: value };
}

/** The `yaml` custom tags for every CloudFormation short form, in scalar, sequence and mapping shapes. */
export const cloudFormationTags: Tags = Object.keys(FUNCTIONS).flatMap((key) => {
  const name = key as keyof typeof FUNCTIONS;
  const fn = FUNCTIONS[name];
  const scalar: ScalarTag = { tag: `!${name}`, resolve: (value: string) => scalarValue(name, value) };
  const collection = (kind: 'seq' | 'map'): CollectionTag => ({
    tag: `!${name}`,
    collection: kind,
    resolve: (node: YAMLMap.Parsed | YAMLSeq.Parsed) => ({ [fn]: node.toJSON() }),
  });
  return [scalar, collection('seq'), collection('map')];
});

/**
 * Parses a CloudFormation YAML template into its long JSON form.
 * Duplicate keys are an error (CloudFormation would silently keep one of them).
 * @example parseTemplate('Resources: {B: {Type: AWS::S3::Bucket, Properties: {BucketName: !Ref N}}}')
 */
export function parseTemplate(text: string): CfnTemplate {
  const value = parse(text, { customTags: cloudFormationTags, uniqueKeys: true, prettyErrors: true }) as unknown;
  if (!isObject(value) || !isObject(value.Resources)) {
    throw new Error('Not a CloudFormation template: no Resources section');
  }
  return value as unknown as CfnTemplate;
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, CfnValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
