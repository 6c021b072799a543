// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's ${…} substitution syntax, not JS.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTemplate } from './cfn-yaml.js';

const resources = (yaml: string) =>
  parseTemplate(`Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n${yaml}`).Resources.R?.Properties;

describe('parseTemplate', () => {
  test('turns every short-form tag into the long form CloudFormation evaluates', () => {
    const properties = resources(
      [
        '      A: !Ref Name',
        "      B: !Sub 'x-${AWS::Region}'",
        '      C: !GetAtt Bucket.DomainName.Part',
        "      D: !If [Cond, !Join [',', [a, b]], !Ref 'AWS::NoValue']",
        "      E: !Select [0, !Split ['-', !ImportValue Exported]]",
        '      F: !Not [!And [!Equals [a, b], !Or [!Condition C1, !Condition C2]]]',
        '      G: !FindInMap [Map, !Ref Key, Value]',
        "      H: !Base64 {'Fn::Sub': x}",
        '      I: !Cidr [!GetAtt Vpc.CidrBlock, 6, 5]',
        "      J: !GetAZs ''",
        '      K: !Sub',
        "        - '${A}'",
        '        - A: !GetAtt [Res, Arn]',
      ].join('\n'),
    );
    assert.deepEqual(properties, {
      A: { Ref: 'Name' },
      B: { 'Fn::Sub': 'x-${AWS::Region}' },
      C: { 'Fn::GetAtt': ['Bucket', 'DomainName.Part'] },
      D: { 'Fn::If': ['Cond', { 'Fn::Join': [',', ['a', 'b']] }, { Ref: 'AWS::NoValue' }] },
      E: { 'Fn::Select': [0, { 'Fn::Split': ['-', { 'Fn::ImportValue': 'Exported' }] }] },
      F: {
        'Fn::Not': [
          { 'Fn::And': [{ 'Fn::Equals': ['a', 'b'] }, { 'Fn::Or': [{ Condition: 'C1' }, { Condition: 'C2' }] }] },
        ],
      },
      G: { 'Fn::FindInMap': ['Map', { Ref: 'Key' }, 'Value'] },
      H: { 'Fn::Base64': { 'Fn::Sub': 'x' } },
      I: { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 6, 5] },
      J: { 'Fn::GetAZs': '' },
      K: { 'Fn::Sub': ['${A}', { A: { 'Fn::GetAtt': ['Res', 'Arn'] } }] },
    });
  });

  test('rejects duplicate keys, which CloudFormation would silently collapse', () => {
    assert.throws(() => resources('      A: 1\n      A: 2'), /unique/i);
  });

  test('rejects a document without Resources', () => {
    assert.throws(() => parseTemplate('Parameters: {}'), /no Resources section/);
  });
});
