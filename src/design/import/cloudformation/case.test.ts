import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import { describe, expect, it } from 'vitest';
import { type MemberType, membersOf, memberType } from '../../aws-model/model';
import { apiName, cfnName, MAP_PROPERTIES } from './case';

/**
 * CloudFormation's ECS properties against AWS's own model of the API (the SDK's, in
 * aws-model): every property, at any depth, renamed by apiName is a member of the
 * API's structure, and back again by cfnName; every map property keeps its keys.
 */

type SpecType =
  | { type: 'array' | 'map'; element: SpecType }
  | { type: 'ref'; reference: { $ref: string } }
  | { type: string };
interface SpecShape {
  properties: Record<string, { type: SpecType }>;
}

const db = loadAwsServiceSpecSync();

function resource(type: string): SpecShape {
  return db.lookup('resource', 'cloudFormationType', 'equals', type).only() as unknown as SpecShape;
}

/** What CloudFormation has and CreateService / RegisterTaskDefinition do not (or not in this SDK). */
const CFN_ONLY = new Set([
  'AWS::ECS::Service.ForceNewDeployment',
  // Newer than the SDK the model is generated from.
  'AWS::ECS::TaskDefinition.Volumes.S3FilesVolumeConfiguration',
]);

function compare(
  spec: SpecShape,
  structure: string,
  path: string,
  out: string[],
  maps: string[],
  seen: Set<string>,
  parent?: string,
): void {
  const members = membersOf(structure);
  if (!members || seen.has(`${structure}@${path}`)) return;
  seen.add(`${structure}@${path}`);
  for (const [name, p] of Object.entries(spec.properties)) {
    const at = `${path}.${name}`;
    const api = apiName(name);
    const member = members[api];
    if (member === undefined) {
      if (!CFN_ONLY.has(at)) out.push(`${at} -> ${api} is not a member of ${structure}`);
      continue;
    }
    if (cfnName(api, parent) !== name)
      out.push(`${at}: ${api} goes back as ${cfnName(api, parent)}`);
    let t: SpecType = p.type;
    let m: MemberType = memberType(member);
    while (
      (t.type === 'array' || t.type === 'map') &&
      'element' in t &&
      (m.kind === 'list' || m.kind === 'map')
    ) {
      if (t.type === 'map') maps.push(name);
      t = t.element;
      m = m.of;
    }
    if (t.type === 'ref' && 'reference' in t && m.kind === 'structure') {
      const def = db.get('typeDefinition', t.reference.$ref) as unknown as SpecShape;
      compare(def, m.name, at, out, maps, seen, api);
    }
  }
}

describe('CloudFormation and ECS API names', () => {
  it.each([
    ['AWS::ECS::TaskDefinition', 'RegisterTaskDefinitionRequest'],
    ['AWS::ECS::Service', 'CreateServiceRequest'],
  ])('%s: every property, at any depth, is a member of %s by apiName', (type, structure) => {
    const out: string[] = [];
    const maps: string[] = [];
    compare(resource(type), structure, type, out, maps, new Set());
    expect(out).toEqual([]);
    expect([...new Set(maps)].filter((m) => !MAP_PROPERTIES.has(m))).toEqual([]);
  });
});
