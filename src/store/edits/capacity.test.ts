import { describe, expect, it } from 'vitest';
import { type DesignDocument, parseDesign } from '../../design';
import { agentCluster } from '../../design/capacity-references';
import { sampleDocument } from '../design-storage';
import {
  addAutoScalingGroup,
  addCapacityProvider,
  groupCluster,
  groupInstanceType,
  groupNamed,
  removeAutoScalingGroup,
  removeCapacityProvider,
  setClusterCapacityProviders,
  setServiceCapacity,
  updateAutoScalingGroup,
  updateCapacityProvider,
} from './capacity';
import { emptyDesign } from './empty';

function gate(design: DesignDocument): DesignDocument {
  const parsed = parseDesign(design);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.design;
}

const cluster = () => sampleDocument().clusters[0]?.clusterName ?? 'default';

function withGroupAndProvider() {
  const a = addAutoScalingGroup(sampleDocument());
  const b = addCapacityProvider(a.design, a.name);
  return { design: gate(b.design), group: a.name, provider: b.name };
}

describe('Auto Scaling group edits', () => {
  it('adds a launch template and a group: m5.large, 0 / 2 / 10, the cluster’s zones, its user data', () => {
    const { design, name } = addAutoScalingGroup(sampleDocument());
    const parsed = gate(design);
    const group = groupNamed(parsed, name);
    expect(group).toMatchObject({ MinSize: 0, MaxSize: 10, DesiredCapacity: 2 });
    expect(group?.AvailabilityZones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(group && groupInstanceType(parsed, group)).toBe('m5.large');
    expect(group && groupCluster(parsed, group)).toBe(cluster());
    const template = parsed.launchTemplates?.[0];
    expect(template?.LaunchTemplateName).toBe(group?.LaunchTemplate?.LaunchTemplateName);
    // Base64, as EC2 takes it, and the agent line reads back.
    expect(template?.LaunchTemplateData.UserData).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(agentCluster(template?.LaunchTemplateData.UserData)).toBe(cluster());
  });

  it('a second group gets free names', () => {
    const first = addAutoScalingGroup(sampleDocument());
    const second = addAutoScalingGroup(first.design);
    expect(second.name).toBe(`${first.name}-2`);
    expect(gate(second.design).launchTemplates).toHaveLength(2);
  });

  it('edits sizes, zones, protection, boot time; the type and cluster go to its template', () => {
    const { design, name } = addAutoScalingGroup(sampleDocument());
    const next = gate(
      updateAutoScalingGroup(design, name, {
        MinSize: 1,
        MaxSize: 4,
        DesiredCapacity: 3,
        AvailabilityZones: ['us-east-1a'],
        NewInstancesProtectedFromScaleIn: true,
        bootSeconds: 45,
        instanceType: 'c7g.large',
      }),
    );
    const group = groupNamed(next, name);
    expect(group).toMatchObject({
      MinSize: 1,
      MaxSize: 4,
      DesiredCapacity: 3,
      AvailabilityZones: ['us-east-1a'],
      NewInstancesProtectedFromScaleIn: true,
      bootSeconds: 45,
    });
    expect(group && groupInstanceType(next, group)).toBe('c7g.large');
  });

  it('the gate refuses a desired capacity outside the bounds, in the words of EC2 Auto Scaling', () => {
    const { design, name } = addAutoScalingGroup(sampleDocument());
    const parsed = parseDesign(updateAutoScalingGroup(design, name, { DesiredCapacity: 11 }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.issues[0]).toEqual({
        path: 'autoScalingGroups[0].DesiredCapacity',
        message: 'Desired capacity:11 must be between the specified min size:0 and max size:10',
      });
  });

  it('subnets replace zones when given, and an empty text removes them', () => {
    const { design, name } = addAutoScalingGroup(sampleDocument());
    const subnets = updateAutoScalingGroup(design, name, {
      VPCZoneIdentifier: 'subnet-a,subnet-b',
    });
    expect(groupNamed(subnets, name)?.VPCZoneIdentifier).toBe('subnet-a,subnet-b');
    const none = updateAutoScalingGroup(subnets, name, { VPCZoneIdentifier: '' });
    expect(groupNamed(none, name)?.VPCZoneIdentifier).toBeUndefined();
  });

  it('refuses to delete a group a capacity provider uses, naming the provider', () => {
    const { design, group, provider } = withGroupAndProvider();
    expect(removeAutoScalingGroup(design, group)).toEqual({
      refusal: `Capacity provider ${provider} uses ${group}: delete the capacity provider first.`,
    });
  });

  it('deletes an unused group with its template', () => {
    const { design, name } = addAutoScalingGroup(sampleDocument());
    const result = removeAutoScalingGroup(design, name);
    expect('design' in result && result.design.autoScalingGroups).toEqual([]);
    expect('design' in result && result.design.launchTemplates).toEqual([]);
  });
});

describe('capacity provider edits', () => {
  it('adds a provider with managed scaling at 100% and associates it with the cluster', () => {
    const { design, group, provider } = withGroupAndProvider();
    expect(provider).toBe(`${group}-cp`);
    expect(design.capacityProviders?.[0]).toEqual({
      name: provider,
      autoScalingGroupProvider: {
        autoScalingGroupArn: group,
        managedScaling: { status: 'ENABLED', targetCapacity: 100 },
        managedTerminationProtection: 'DISABLED',
      },
    });
    expect(design.clusters[0]?.capacityProviders).toEqual([provider]);
  });

  it('protects from termination when the group protects new instances from scale-in', () => {
    const a = addAutoScalingGroup(sampleDocument());
    const protectedGroup = updateAutoScalingGroup(a.design, a.name, {
      NewInstancesProtectedFromScaleIn: true,
    });
    const b = addCapacityProvider(protectedGroup, a.name);
    expect(gate(b.design).capacityProviders?.[0]?.autoScalingGroupProvider).toMatchObject({
      managedTerminationProtection: 'ENABLED',
    });
  });

  it('never names a provider with a prefix ECS refuses', () => {
    const a = addAutoScalingGroup({ ...emptyDesign(), clusters: [{ clusterName: 'ecs' }] });
    const b = addCapacityProvider(a.design, a.name);
    expect(b.name).toBe('cp-ecs-asg-cp');
    gate(b.design);
  });

  it('merges managed scaling settings; the gate refuses a minimum step above the maximum', () => {
    const { design, provider } = withGroupAndProvider();
    const next = updateCapacityProvider(design, provider, {
      managedScaling: { targetCapacity: 80, minimumScalingStepSize: 2, instanceWarmupPeriod: 120 },
    });
    expect(gate(next).capacityProviders?.[0]?.autoScalingGroupProvider.managedScaling).toEqual({
      status: 'ENABLED',
      targetCapacity: 80,
      minimumScalingStepSize: 2,
      instanceWarmupPeriod: 120,
    });
    const bad = parseDesign(
      updateCapacityProvider(next, provider, { managedScaling: { maximumScalingStepSize: 1 } }),
    );
    expect(!bad.ok && bad.issues[0]?.path).toBe(
      'capacityProviders[0].autoScalingGroupProvider.managedScaling.minimumScalingStepSize',
    );
  });

  it('the gate refuses termination protection on a group that does not protect new instances', () => {
    const { design, provider } = withGroupAndProvider();
    const bad = parseDesign(
      updateCapacityProvider(design, provider, { managedTerminationProtection: 'ENABLED' }),
    );
    expect(!bad.ok && bad.issues[0]?.message).toMatch(/instance protection from scale in/);
  });

  it('the cluster’s default strategy: base and weight per provider; items with neither leave', () => {
    const { design, provider } = withGroupAndProvider();
    const next = gate(
      setClusterCapacityProviders(
        design,
        cluster(),
        [provider],
        [{ capacityProvider: provider, base: 1, weight: 2 }],
      ),
    );
    expect(next.clusters[0]?.defaultCapacityProviderStrategy).toEqual([
      { capacityProvider: provider, base: 1, weight: 2 },
    ]);
    const cleared = setClusterCapacityProviders(
      next,
      cluster(),
      [provider],
      [{ capacityProvider: provider, base: 0, weight: 0 }],
    );
    expect(cleared.clusters[0]?.defaultCapacityProviderStrategy).toBeUndefined();
  });

  it('refuses to delete a provider a strategy names, saying which', () => {
    const { design, provider } = withGroupAndProvider();
    const strategy = [{ capacityProvider: provider, weight: 1 }];
    const used = setServiceCapacity(
      setClusterCapacityProviders(design, cluster(), [provider], strategy),
      'web',
      { capacityProviderStrategy: strategy },
    );
    const result = removeCapacityProvider(gate(used), provider);
    expect(result).toEqual({
      refusal: `${provider} is in service web's capacity provider strategy and cluster ${cluster()}'s default capacity provider strategy: take it out of there first.`,
    });
  });

  it('deletes an unused provider and takes it off its cluster', () => {
    const { design, provider } = withGroupAndProvider();
    const result = removeCapacityProvider(design, provider);
    if (!('design' in result)) throw new Error(result.refusal);
    expect(gate(result.design).capacityProviders).toEqual([]);
    expect(result.design.clusters[0]?.capacityProviders).toEqual([]);
  });

  it('a service takes a strategy or a launch type, never both', () => {
    const { design, provider } = withGroupAndProvider();
    const strategy = setServiceCapacity(design, 'web', {
      capacityProviderStrategy: [{ capacityProvider: provider, weight: 1 }],
    });
    const web = gate(strategy).services.find((s) => s.serviceName === 'web');
    expect(web?.launchType).toBeUndefined();
    expect(web?.capacityProviderStrategy).toEqual([{ capacityProvider: provider, weight: 1 }]);
    const back = setServiceCapacity(strategy, 'web', { launchType: 'EC2' });
    const again = back.services.find((s) => s.serviceName === 'web');
    expect(again?.launchType).toBe('EC2');
    expect(again?.capacityProviderStrategy).toBeUndefined();
  });
});
