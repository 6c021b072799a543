// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's ${…} substitution syntax, not JS.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTemplate } from './cfn-yaml.js';
import { expandLanguageExtensions } from './language-extensions.js';

const template = parseTemplate(`
Transform: AWS::LanguageExtensions
Parameters:
  Indexes: {Type: CommaDelimitedList, Default: '0,1'}
Resources:
  Fn::ForEach::Streams:
    - Index
    - !Ref Indexes
    - Stream\${Index}:
        Type: AWS::KinesisFirehose::DeliveryStream
        Properties:
          DeliveryStreamName: !Sub 'entries-\${Index}'
          Tags: [{Key: index, Value: !Ref Index}]
      Stream\${Index}Alarm:
        Type: AWS::CloudWatch::Alarm
        Properties:
          Dimensions: [{Name: DeliveryStreamName, Value: !Ref 'Stream\${Index}'}]
          AlarmActions: [{Ref: !Sub 'Stream\${Index}'}, {Ref: !Sub 'Stream\${Index}-\${AWS::Region}'}]
Outputs:
  Count:
    Value: !Length [a, b, c]
`);

describe('expandLanguageExtensions', () => {
  test('generates one copy of the fragment per item of the list parameter’s default', () => {
    const expanded = expandLanguageExtensions(template);
    assert.deepEqual(Object.keys(expanded.Resources), ['Stream0', 'Stream0Alarm', 'Stream1', 'Stream1Alarm']);
    assert.deepEqual(expanded.Resources.Stream1?.Properties, {
      DeliveryStreamName: { 'Fn::Sub': 'entries-1' },
      Tags: [{ Key: 'index', Value: '1' }],
    });
    assert.deepEqual(expanded.Resources.Stream1Alarm?.Properties?.Dimensions, [
      { Name: 'DeliveryStreamName', Value: { Ref: 'Stream1' } },
    ]);
  });

  test('turns a computed name, Ref of a Fn::Sub, into a plain Ref once nothing is left to substitute', () => {
    const expanded = expandLanguageExtensions(template);
    assert.deepEqual(expanded.Resources.Stream0Alarm?.Properties?.AlarmActions, [
      { Ref: 'Stream0' },
      { Ref: { 'Fn::Sub': 'Stream0-${AWS::Region}' } },
    ]);
  });

  test('uses the deployer’s parameter value over the default, as a list or a comma string', () => {
    assert.equal(Object.keys(expandLanguageExtensions(template, { Indexes: ['0', '1', '2'] }).Resources).length, 6);
    assert.equal(Object.keys(expandLanguageExtensions(template, { Indexes: '7' }).Resources).length, 2);
  });

  test('resolves Fn::Length and drops the transform once nothing is left for it', () => {
    const expanded = expandLanguageExtensions(template);
    assert.deepEqual(expanded.Outputs?.Count, { Value: 3 });
    assert.equal(expanded.Transform, undefined);
  });

  test('rejects a loop whose output key lacks the identifier, and duplicate generated keys', () => {
    const noIdentifier = structuredClone(template);
    const loop = noIdentifier.Resources['Fn::ForEach::Streams'] as unknown as [
      string,
      unknown,
      Record<string, unknown>,
    ];
    loop[2] = { Fixed: loop[2]['Stream${Index}'] };
    assert.throws(() => expandLanguageExtensions(noIdentifier), /must contain \$\{Index\}/);
    assert.throws(() => expandLanguageExtensions(template, { Indexes: ['1', '1'] }), /duplicate key Stream1/);
  });
});
