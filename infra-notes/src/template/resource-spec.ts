// The CloudFormation resource specification, offline: `@aws-cdk/aws-service-spec` ships every resource type's
// properties, property types, required flags and attributes as a database. This module narrows it to what the
// template checks read.
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';

/** A property's type in the specification. */
export type SpecType =
  | { type: 'string'; allowedValues?: string[] }
  | { type: 'integer'; allowedValues?: number[] }
  | { type: 'number' | 'boolean' | 'json' | 'date-time' | 'null' | 'tag' }
  | { type: 'ref'; reference: { $ref: string } }
  | { type: 'array' | 'map'; element: SpecType }
  | { type: 'union'; types: SpecType[] };

/** One property of a resource or of a property type. */
export interface SpecProperty {
  type: SpecType;
  required?: boolean;
}

/** A resource type (`AWS::S3::Bucket`) or a property type (`AWS::S3::Bucket.BucketEncryption`). */
export interface SpecShape {
  name: string;
  properties: Record<string, SpecProperty>;
}

/** A resource type, with the attributes `Fn::GetAtt` may read. */
export interface SpecResource extends SpecShape {
  cloudFormationType: string;
  attributes: Record<string, unknown>;
}

/** Read access to the specification. */
export interface ResourceSpec {
  /** The resource type, or undefined when CloudFormation has no such type. */
  resource(cloudFormationType: string): SpecResource | undefined;
  /** The property type a `ref` points at. */
  definition(reference: { $ref: string }): SpecShape;
}

let cached: ResourceSpec | undefined;

/** Loads the bundled specification database once per process (about a second). */
export function loadResourceSpec(): ResourceSpec {
  if (cached) return cached;
  const db = loadAwsServiceSpecSync();
  cached = {
    resource: (cloudFormationType) => {
      const found = db.lookup('resource', 'cloudFormationType', 'equals', cloudFormationType);
      return found[0] as unknown as SpecResource | undefined;
    },
    definition: (reference) => db.get('typeDefinition', reference.$ref) as unknown as SpecShape,
  };
  return cached;
}
