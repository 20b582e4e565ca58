import { describe, expect, it } from 'vitest';
import { allAttributesOf, type DesignDocument, parseDesign } from '../../design';
import { designInput, instance, parsedDesign, taskDefinition } from '../../design/testing';
import {
  awsvpcWith,
  checkSecurityGroups,
  checkSubnets,
  defaultNetworkConfiguration,
  isAwsvpc,
  networkOf,
  otherSubnets,
  setServiceNetwork,
  splitIds,
  subnetsWithOthers,
  subnetsWithZone,
  zoneSubnet,
  zoneSubnetsOf,
} from './network';

const fargateTask = taskDefinition('edge', {
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
});

function design(extra: Partial<Parameters<typeof designInput>[0]> = {}): DesignDocument {
  return parsedDesign(
    designInput({
      containerInstances: [instance('i-1', { cluster: 'demo', availabilityZone: 'us-east-1d' })],
      taskDefinitions: [fargateTask, taskDefinition('web')],
      services: [
        {
          cluster: 'demo',
          serviceName: 'edge',
          taskDefinition: 'edge',
          launchType: 'FARGATE',
          desiredCount: 1,
        },
        { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 },
      ],
      ...extra,
    }),
  );
}

const service = (d: DesignDocument, name = 'edge') => {
  const s = d.services.find((x) => x.serviceName === name);
  if (!s) throw new Error(`no service ${name}`);
  return s;
};

const a = zoneSubnet('us-east-1a');
const b = zoneSubnet('us-east-1b');
const c = zoneSubnet('us-east-1c');
const dz = zoneSubnet('us-east-1d');

describe('zone subnets', () => {
  it('is the ecs.subnet-id an instance in the zone reports, one id per zone', () => {
    expect(zoneSubnet('us-east-1b')).toBe(
      allAttributesOf(instance('i-2', { availabilityZone: 'us-east-1b' }))['ecs.subnet-id'],
    );
    expect(new Set([a, b, c, dz]).size).toBe(4);
    expect(a).toMatch(/^subnet-[0-9a-f]+$/);
  });

  it('lists the cluster’s lanes: the region’s a, b, c and the zones its instances use', () => {
    expect(zoneSubnetsOf(design(), service(design()))).toEqual([
      { zone: 'us-east-1a', subnetId: a },
      { zone: 'us-east-1b', subnetId: b },
      { zone: 'us-east-1c', subnetId: c },
      { zone: 'us-east-1d', subnetId: dz },
    ]);
  });

  it('knows awsvpc services from the others by their task definition', () => {
    const d = design();
    expect(isAwsvpc(d, service(d))).toBe(true);
    expect(isAwsvpc(d, service(d, 'web'))).toBe(false);
  });
});

describe('defaults and the first edit', () => {
  it('defaults to the subnets of the zones its cluster’s instances are in, no public IP', () => {
    const d = design();
    expect(defaultNetworkConfiguration(d, service(d))).toEqual({
      awsvpcConfiguration: { subnets: [dz], assignPublicIp: 'DISABLED' },
    });
    expect(networkOf(d, service(d)).isDefault).toBe(true);
  });

  it('defaults to the region’s a, b and c for a cluster without instances', () => {
    const d = design({ containerInstances: [] });
    expect(defaultNetworkConfiguration(d, service(d)).awsvpcConfiguration.subnets).toEqual([
      a,
      b,
      c,
    ]);
  });

  it('takes the subnet an instance reports of its own, in the checkboxes and the defaults', () => {
    const own = instance('i-9', {
      cluster: 'demo',
      availabilityZone: 'us-east-1b',
      attributes: [{ name: 'ecs.subnet-id', value: 'subnet-0123abcd' }],
    });
    const d = design({ containerInstances: [own] });
    expect(zoneSubnetsOf(d, service(d))[1]).toEqual({
      zone: 'us-east-1b',
      subnetId: 'subnet-0123abcd',
    });
    expect(defaultNetworkConfiguration(d, service(d)).awsvpcConfiguration.subnets).toEqual([
      'subnet-0123abcd',
    ]);
  });

  it('writes the whole awsvpcConfiguration on the first edit, and the gate takes it', () => {
    const d = design();
    const next = setServiceNetwork(d, 'edge', { securityGroups: ['sg-0123abcd'] });
    const parsed = parseDesign(next);
    expect(parsed.ok).toBe(true);
    expect(service(next).networkConfiguration).toEqual({
      awsvpcConfiguration: {
        subnets: [dz],
        securityGroups: ['sg-0123abcd'],
        assignPublicIp: 'DISABLED',
      },
    });
    expect(networkOf(next, service(next)).isDefault).toBe(false);
    // Nothing else moves.
    expect(service(next, 'web')).toBe(service(d, 'web'));
  });

  it('keeps what the service has and changes only what the patch names', () => {
    const d = design({
      services: [
        {
          cluster: 'demo',
          serviceName: 'edge',
          taskDefinition: 'edge',
          launchType: 'FARGATE',
          desiredCount: 1,
          networkConfiguration: {
            awsvpcConfiguration: { subnets: ['subnet-private-a'], securityGroups: ['sg-0123abcd'] },
          },
        },
      ],
    });
    expect(awsvpcWith(d, service(d), { assignPublicIp: 'ENABLED' })).toEqual({
      subnets: ['subnet-private-a'],
      securityGroups: ['sg-0123abcd'],
      assignPublicIp: 'ENABLED',
    });
    // An empty list drops the field: the VPC's default security group.
    expect(awsvpcWith(d, service(d), { securityGroups: [] })).toEqual({
      subnets: ['subnet-private-a'],
      assignPublicIp: 'DISABLED',
    });
  });

  it('leaves the design alone for a service it does not have', () => {
    const d = design();
    expect(setServiceNetwork(d, 'nope', { subnets: [a] })).toBe(d);
  });

  it('lets the gate refuse a sixth security group with its own words', () => {
    const d = design();
    const groups = ['1', '2', '3', '4', '5', '6'].map((n) => `sg-0000000${n}`);
    const parsed = parseDesign(setServiceNetwork(d, 'edge', { securityGroups: groups }));
    expect(parsed.ok ? [] : parsed.issues).toEqual([
      {
        path: 'services[0].networkConfiguration.awsvpcConfiguration.securityGroups',
        message: 'allows at most 5 security groups',
      },
    ]);
  });
});

describe('subnet lists', () => {
  const zones = [
    { zone: 'us-east-1a', subnetId: 'subnet-a' },
    { zone: 'us-east-1b', subnetId: 'subnet-b' },
  ];
  it.each([
    [['subnet-b', 'subnet-a'], 'subnet-a', false, ['subnet-b']],
    [['subnet-b'], 'subnet-a', true, ['subnet-b', 'subnet-a']],
    [['subnet-a'], 'subnet-a', true, ['subnet-a']],
  ])('%j with %s checked=%s is %j', (subnets, id, checked, out) => {
    expect(subnetsWithZone(subnets, id, checked)).toEqual(out);
  });

  it('puts typed subnets after the zones’ own, in place of the old ones', () => {
    expect(subnetsWithOthers(['subnet-x', 'subnet-b'], zones, ['subnet-y', 'subnet-b'])).toEqual([
      'subnet-b',
      'subnet-y',
    ]);
    expect(otherSubnets(['subnet-x', 'subnet-b', 'subnet-y'], zones)).toEqual([
      'subnet-x',
      'subnet-y',
    ]);
  });
});

describe('typed ids', () => {
  it('splits on commas, trims, drops empties and repeats', () => {
    expect(splitIds(' sg-1, ,sg-2,sg-1 ')).toEqual(['sg-1', 'sg-2']);
    expect(splitIds('')).toEqual([]);
  });

  it.each([
    ['', { ok: true, value: [] }],
    [
      'sg-0123abcd, sg-0123456789abcdef0',
      { ok: true, value: ['sg-0123abcd', 'sg-0123456789abcdef0'] },
    ],
    [
      'sg-web',
      { ok: false, error: 'sg-web is not a security group id (sg- and 8 or 17 hex digits)' },
    ],
    [
      'sg-0123ABCD',
      { ok: false, error: 'sg-0123ABCD is not a security group id (sg- and 8 or 17 hex digits)' },
    ],
    [
      '0123abcd',
      { ok: false, error: '0123abcd is not a security group id (sg- and 8 or 17 hex digits)' },
    ],
  ])('security groups %j', (text, out) => {
    expect(checkSecurityGroups(text)).toEqual(out);
  });

  it.each([
    [
      'subnet-private-a, subnet-0123abcd',
      { ok: true, value: ['subnet-private-a', 'subnet-0123abcd'] },
    ],
    [
      'subnet private',
      { ok: false, error: 'subnet private is not a subnet id (subnet- and letters, digits or -)' },
    ],
    [
      'sg-0123abcd',
      { ok: false, error: 'sg-0123abcd is not a subnet id (subnet- and letters, digits or -)' },
    ],
  ])('subnets %j', (text, out) => {
    expect(checkSubnets(text)).toEqual(out);
  });
});
