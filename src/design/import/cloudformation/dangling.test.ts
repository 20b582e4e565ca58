// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's own ${} syntax, in templates and in the messages naming it
import { describe, expect, it } from 'vitest';
import { readCloudFormationTemplate } from './index';

/** A template of one cluster, one parameter and `extra` resources; its refusal as lines. */
function refusal(extra: Record<string, unknown>, rest: Record<string, unknown> = {}): string[] {
  const r = readCloudFormationTemplate({
    Parameters: { Image: { Type: 'String', Default: 'nginx' } },
    Resources: { Cluster: { Type: 'AWS::ECS::Cluster' }, ...extra },
    ...rest,
  });
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
}

const role = (props: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  Role: { Type: 'AWS::IAM::Role', Properties: props, ...more },
});

describe('references to what the template lacks (CloudFormation: Unresolved resource dependencies)', () => {
  it.each([
    [
      'a Ref',
      { RoleName: { Ref: 'Missing' } },
      'Resources.Role.Properties.RoleName: Ref to "Missing", which is not a resource or parameter of this template',
    ],
    [
      'an unknown pseudo parameter',
      { RoleName: { Ref: 'AWS::Account' } },
      'Resources.Role.Properties.RoleName: Ref to "AWS::Account", which is not a pseudo parameter CloudFormation has',
    ],
    [
      'Fn::GetAtt, as a list',
      { RoleName: { 'Fn::GetAtt': ['Missing', 'Arn'] } },
      'Resources.Role.Properties.RoleName: Fn::GetAtt of "Missing", which is not a resource of this template',
    ],
    [
      'Fn::GetAtt, as a string',
      { RoleName: { 'Fn::GetAtt': 'Missing.Arn' } },
      'Resources.Role.Properties.RoleName: Fn::GetAtt of "Missing", which is not a resource of this template',
    ],
    [
      'Fn::GetAtt of a parameter',
      { RoleName: { 'Fn::GetAtt': ['Image', 'Arn'] } },
      'Resources.Role.Properties.RoleName: Fn::GetAtt of "Image", which is not a resource of this template',
    ],
    [
      'a Fn::Sub variable',
      { RoleName: { 'Fn::Sub': 'role-${Missing}' } },
      'Resources.Role.Properties.RoleName: Fn::Sub names "${Missing}", which is not a resource or parameter of this template',
    ],
    [
      'a Fn::Sub attribute',
      { RoleName: { 'Fn::Sub': '${Missing.Arn}' } },
      'Resources.Role.Properties.RoleName: Fn::Sub names "${Missing.Arn}", which is not a resource of this template',
    ],
    [
      'a Ref deep in Fn::Join, named at the property, in a list',
      { Path: [{ 'Fn::Join': ['/', ['', { 'Fn::If': ['C', { Ref: 'Missing' }, 'x'] }]] }] },
      'Resources.Role.Properties.Path[0]: Ref to "Missing", which is not a resource or parameter of this template',
    ],
  ])('refuses %s', (_, props, line) => {
    expect(refusal(role(props))).toEqual([line]);
  });

  it('refuses DependsOn, conditions and outputs that name nothing', () => {
    expect(refusal(role({}, { DependsOn: ['Cluster', 'Queue'] }))).toEqual([
      'Resources.Role.DependsOn[1]: "Queue" is not a resource of this template',
    ]);
    expect(
      refusal(
        {},
        {
          Conditions: { Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
          Outputs: { Arn: { Value: { 'Fn::GetAtt': ['Service', 'Name'] } } },
        },
      ),
    ).toEqual([
      'Conditions.Prod: Ref to "Env", which is not a resource or parameter of this template',
      'Outputs.Arn.Value: Fn::GetAtt of "Service", which is not a resource of this template',
    ]);
  });

  it('takes what the template has: resources, parameters, pseudo parameters, Sub variables and literals', () => {
    expect(
      refusal(
        role({
          RoleName: { 'Fn::Sub': ['${Image}-${AWS::Region}-${Own}-${!Literal}', { Own: 'x' }] },
          Path: { 'Fn::GetAtt': ['Cluster', 'Arn'] },
          Description: { Ref: 'AWS::NoValue' },
          MaxSessionDuration: { Ref: 'Image' },
        }),
        { Outputs: { Name: { Value: { Ref: 'Cluster' } } } },
      ),
    ).toEqual([]);
  });
});
