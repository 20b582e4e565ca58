import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLUSTER_PROPERTIES, SERVICE_PROPERTIES, TASK_DEFINITION_PROPERTIES } from './ecs';
import {
  CLASSIC_LOAD_BALANCER_PROPERTIES,
  LISTENER_PROPERTIES,
  LISTENER_RULE_PROPERTIES,
  LOAD_BALANCER_PROPERTIES,
  TARGET_GROUP_PROPERTIES,
} from './elb';
import {
  ALARM_PROPERTIES,
  AUTO_SCALING_GROUP_PROPERTIES,
  CAPACITY_PROVIDER_PROPERTIES,
  LAUNCH_TEMPLATE_PROPERTIES,
  SCALABLE_TARGET_PROPERTIES,
  SCALING_POLICY_PROPERTIES,
} from './scaling';
import { cloudFormationTemplate } from './template';
import { testDesigns } from './testing';

/**
 * The template checked against the CloudFormation resource specification
 * (@aws-cdk/aws-service-spec): every type exists, every property is the type's (into
 * property types, all the way down), required properties are there, every Ref,
 * Fn::GetAtt and DependsOn names something of the template.
 */

type Db = ReturnType<typeof loadAwsServiceSpecSync>;
interface SpecProperty {
  type: SpecType;
  required?: boolean;
}
type SpecType =
  | { type: 'string' | 'number' | 'integer' | 'boolean' | 'json' | 'date-time' | 'tag' }
  | { type: 'array' | 'map'; element: SpecType }
  | { type: 'ref'; reference: { $ref: string } }
  | { type: 'union'; types: SpecType[] };
interface SpecShape {
  properties: Record<string, SpecProperty>;
  attributes?: Record<string, unknown>;
}

let db: Db;
beforeAll(() => {
  db = loadAwsServiceSpecSync();
});

function resourceSpec(type: string): SpecShape | undefined {
  const found = db.lookup('resource', 'cloudFormationType', 'equals', type);
  return found.length === 1 ? (found[0] as unknown as SpecShape) : undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isIntrinsic = (v: unknown) =>
  isObject(v) && Object.keys(v).length === 1 && /^(Ref|Fn::)/.test(Object.keys(v)[0] ?? '');

function checkValue(value: unknown, type: SpecType, path: string, out: string[]): void {
  if (isIntrinsic(value)) return;
  switch (type.type) {
    case 'string':
    case 'date-time':
      if (typeof value !== 'string')
        out.push(`${path}: expected a string, got ${JSON.stringify(value)}`);
      return;
    case 'integer':
      if (!Number.isInteger(value))
        out.push(`${path}: expected an integer, got ${JSON.stringify(value)}`);
      return;
    case 'number':
      if (typeof value !== 'number')
        out.push(`${path}: expected a number, got ${JSON.stringify(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean')
        out.push(`${path}: expected a boolean, got ${JSON.stringify(value)}`);
      return;
    case 'json':
      return;
    case 'tag':
      if (!isObject(value) || typeof value.Key !== 'string') out.push(`${path}: expected a tag`);
      return;
    case 'array':
      if (!Array.isArray(value)) out.push(`${path}: expected a list`);
      else
        value.forEach((v, i) => {
          checkValue(v, type.element, `${path}[${i}]`, out);
        });
      return;
    case 'map':
      if (!isObject(value)) out.push(`${path}: expected a map`);
      else
        for (const [k, v] of Object.entries(value))
          checkValue(v, type.element, `${path}.${k}`, out);
      return;
    case 'union': {
      const fits = type.types.some((t) => {
        const inner: string[] = [];
        checkValue(value, t, path, inner);
        return inner.length === 0;
      });
      if (!fits) out.push(`${path}: matches none of the union's types`);
      return;
    }
    case 'ref': {
      const def = db.get('typeDefinition', type.reference.$ref) as unknown as SpecShape;
      checkShape(value, def, path, out);
      return;
    }
  }
}

function checkShape(value: unknown, shape: SpecShape, path: string, out: string[]): void {
  if (!isObject(value)) {
    out.push(`${path}: expected an object`);
    return;
  }
  for (const [name, v] of Object.entries(value)) {
    const p = shape.properties[name];
    if (!p) out.push(`${path}.${name}: not a property of the type`);
    else checkValue(v, p.type, `${path}.${name}`, out);
  }
  for (const [name, p] of Object.entries(shape.properties))
    if (p.required && value[name] === undefined) out.push(`${path}.${name}: required`);
}

const PSEUDO = [
  'AWS::Region',
  'AWS::AccountId',
  'AWS::StackName',
  'AWS::Partition',
  'AWS::NoValue',
];

function checkReferences(template: ReturnType<typeof cloudFormationTemplate>, out: string[]): void {
  const resources = template.Resources as Record<string, { Type: string; DependsOn?: string[] }>;
  const params = Object.keys(template.Parameters ?? {});
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v))
      v.forEach((x, i) => {
        walk(x, `${path}[${i}]`);
      });
    if (!isObject(v)) return;
    if (
      typeof v.Ref === 'string' &&
      !(v.Ref in resources) &&
      !params.includes(v.Ref) &&
      !PSEUDO.includes(v.Ref)
    )
      out.push(`${path}: Ref ${v.Ref} names nothing`);
    const att = v['Fn::GetAtt'];
    if (Array.isArray(att)) {
      const [id, name] = att as [string, string];
      const target = resources[id];
      const attrs = target ? (resourceSpec(target.Type)?.attributes ?? {}) : {};
      if (!target || !(name in attrs)) out.push(`${path}: Fn::GetAtt ${id}.${name} names nothing`);
    }
    for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  for (const [id, r] of Object.entries(resources)) {
    for (const d of r.DependsOn ?? [])
      if (!(d in resources)) out.push(`Resources.${id}.DependsOn: ${d} names nothing`);
    walk(r, `Resources.${id}`);
  }
}

function specProblems(template: ReturnType<typeof cloudFormationTemplate>): string[] {
  const out: string[] = [];
  for (const [id, r] of Object.entries(
    template.Resources as Record<string, { Type: string; Properties: unknown }>,
  )) {
    const spec = resourceSpec(r.Type);
    if (!spec) out.push(`Resources.${id}.Type: ${r.Type} is not a CloudFormation resource type`);
    else checkShape(r.Properties, spec, `Resources.${id}.Properties`, out);
  }
  checkReferences(template, out);
  return out;
}

const designs = testDesigns();

describe('cloudFormationTemplate', () => {
  it('names only properties the specification has, for every type it writes', () => {
    const lists: [string, readonly string[]][] = [
      ['AWS::ECS::Cluster', CLUSTER_PROPERTIES],
      ['AWS::ECS::TaskDefinition', TASK_DEFINITION_PROPERTIES],
      ['AWS::ECS::Service', SERVICE_PROPERTIES],
      ['AWS::ECS::CapacityProvider', CAPACITY_PROVIDER_PROPERTIES],
      ['AWS::ElasticLoadBalancingV2::LoadBalancer', LOAD_BALANCER_PROPERTIES],
      ['AWS::ElasticLoadBalancing::LoadBalancer', CLASSIC_LOAD_BALANCER_PROPERTIES],
      ['AWS::ElasticLoadBalancingV2::TargetGroup', TARGET_GROUP_PROPERTIES],
      ['AWS::ElasticLoadBalancingV2::Listener', LISTENER_PROPERTIES],
      ['AWS::ElasticLoadBalancingV2::ListenerRule', LISTENER_RULE_PROPERTIES],
      ['AWS::EC2::LaunchTemplate', LAUNCH_TEMPLATE_PROPERTIES],
      ['AWS::AutoScaling::AutoScalingGroup', AUTO_SCALING_GROUP_PROPERTIES],
      ['AWS::ApplicationAutoScaling::ScalableTarget', SCALABLE_TARGET_PROPERTIES],
      ['AWS::ApplicationAutoScaling::ScalingPolicy', SCALING_POLICY_PROPERTIES],
      ['AWS::CloudWatch::Alarm', ALARM_PROPERTIES],
    ];
    const missing = lists.flatMap(([type, names]) => {
      const spec = resourceSpec(type);
      return spec
        ? names.filter((n) => !(n in spec.properties)).map((n) => `${type}.${n}`)
        : [type];
    });
    expect(missing).toEqual([]);
  });

  it('finds what the specification does not have (the checker checks)', () => {
    const bad = {
      AWSTemplateFormatVersion: '2010-09-09' as const,
      Description: '',
      Resources: {
        Td: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: { Foo: 1, ContainerDefinitions: [{ Name: 'a', Bogus: true, Memory: '512' }] },
        },
        Asg: {
          Type: 'AWS::AutoScaling::AutoScalingGroup',
          DependsOn: ['Nope'],
          Properties: { MaxSize: '1', VPCZoneIdentifier: { Ref: 'Missing' } },
        },
        X: { Type: 'AWS::ECS::Nothing', Properties: {} },
      },
    };
    expect(specProblems(bad)).toEqual([
      'Resources.Td.Properties.Foo: not a property of the type',
      'Resources.Td.Properties.ContainerDefinitions[0].Bogus: not a property of the type',
      'Resources.Td.Properties.ContainerDefinitions[0].Memory: expected an integer, got "512"',
      'Resources.Td.Properties.ContainerDefinitions[0].Image: required',
      'Resources.Asg.Properties.MinSize: required',
      'Resources.X.Type: AWS::ECS::Nothing is not a CloudFormation resource type',
      'Resources.Asg.DependsOn: Nope names nothing',
      'Resources.Asg.Properties.VPCZoneIdentifier: Ref Missing names nothing',
    ]);
  });

  it.each(designs)('%s: every resource and property is in the specification', (_name, design) => {
    expect(specProblems(cloudFormationTemplate(design))).toEqual([]);
  });

  it('gives the same template for the same design', () => {
    for (const [, design] of designs)
      expect(JSON.stringify(cloudFormationTemplate(design))).toBe(
        JSON.stringify(cloudFormationTemplate(structuredClone(design))),
      );
  });
});
