import { describe, expect, it } from 'vitest';
import { type DesignDocument, parseDesign } from '../../design';
import { designInput, instance, parsedDesign, taskDefinition } from '../../design/testing';
import { userDataFor } from './capacity';
import { addCluster, moveRegion, removeCluster, renameCluster } from './clusters';

const design = (): DesignDocument =>
  parsedDesign(
    designInput({
      clusters: [
        { clusterName: 'demo', capacityProviders: ['cp-nodes'] },
        { clusterName: 'batch' },
      ],
      containerInstances: [instance('i-0a1b2c3d4e5f60001', { cluster: 'demo' })],
      taskDefinitions: [taskDefinition('web')],
      services: [
        {
          cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo',
          serviceName: 'web',
          taskDefinition: 'web',
          desiredCount: 2,
        },
      ],
      launchTemplates: [
        {
          LaunchTemplateName: 'nodes',
          LaunchTemplateData: { InstanceType: 'm5.large', UserData: userDataFor('demo') },
        },
      ],
      autoScalingGroups: [
        {
          AutoScalingGroupName: 'nodes',
          MinSize: 0,
          MaxSize: 4,
          LaunchTemplate: { LaunchTemplateName: 'nodes' },
          AvailabilityZones: ['us-east-1a'],
        },
      ],
      capacityProviders: [
        {
          name: 'cp-nodes',
          autoScalingGroupProvider: { autoScalingGroupArn: 'nodes' },
        },
      ],
      scalableTargets: [
        {
          ServiceNamespace: 'ecs',
          ResourceId: 'service/demo/web',
          ScalableDimension: 'ecs:service:DesiredCount',
          MinCapacity: 1,
          MaxCapacity: 4,
        },
      ],
      scalingPolicies: [
        {
          PolicyName: 'cpu',
          ServiceNamespace: 'ecs',
          ResourceId: 'service/demo/web',
          ScalableDimension: 'ecs:service:DesiredCount',
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: {
            TargetValue: 50,
            PredefinedMetricSpecification: {
              PredefinedMetricType: 'ECSServiceAverageCPUUtilization',
            },
          },
        },
      ],
      script: [
        {
          at: 60,
          action: 'UpdateService',
          input: { cluster: 'demo', service: 'web', desiredCount: 3 },
        },
      ],
      layout: { 'service:web': { x: 10, y: 44 } },
    }),
  );

function renamed(d: DesignDocument, from: string, to: string): DesignDocument {
  const result = renameCluster(d, from, to);
  if ('refusal' in result) throw new Error(result.refusal);
  return result.design;
}

describe('renameCluster', () => {
  it('renames the cluster and everything that names it, and the gate accepts the result', () => {
    const after = renamed(design(), 'demo', 'prod');
    expect(after.clusters.map((c) => c.clusterName)).toEqual(['prod', 'batch']);
    // The provider association moves with the cluster.
    expect(after.clusters[0]?.capacityProviders).toEqual(['cp-nodes']);
    expect(after.services[0]?.cluster).toBe('arn:aws:ecs:us-east-1:123456789012:cluster/prod');
    expect(after.containerInstances[0]?.cluster).toBe('prod');
    expect(after.scalableTargets?.[0]?.ResourceId).toBe('service/prod/web');
    expect(after.scalingPolicies?.[0]?.ResourceId).toBe('service/prod/web');
    expect(atob(after.launchTemplates?.[0]?.LaunchTemplateData.UserData ?? '')).toContain(
      'ECS_CLUSTER=prod ',
    );
    expect((after.script[0]?.input as { cluster?: string } | undefined)?.cluster).toBe('prod');
    expect(after.layout).toEqual({ 'service:web': { x: 10, y: 44 } });
    expect(parseDesign(after).ok).toBe(true);
  });

  it('leaves other clusters and look-alike names alone', () => {
    const d = design();
    const withDemo2 = { ...d, clusters: [...d.clusters, { clusterName: 'demo-2' }] };
    const after = renamed(withDemo2, 'demo', 'prod');
    expect(after.clusters.map((c) => c.clusterName)).toEqual(['prod', 'batch', 'demo-2']);
  });

  it.each([
    ['', 'A cluster needs a name.'],
    ['has space', 'A cluster name is up to 255 letters, digits, hyphens and underscores.'],
    ['batch', 'A cluster named batch is already in the design.'],
  ])('refuses %j', (to, refusal) => {
    expect(renameCluster(design(), 'demo', to)).toEqual({ refusal });
  });

  it('the same name is no change', () => {
    const d = design();
    expect(renamed(d, 'demo', 'demo')).toBe(d);
  });
});

describe('addCluster and removeCluster', () => {
  it('adds cluster, then cluster-2', () => {
    const once = addCluster(design());
    if ('refusal' in once) throw new Error(once.refusal);
    expect(once.name).toBe('cluster');
    const twice = addCluster(once.design);
    expect('name' in twice && twice.name).toBe('cluster-2');
  });

  it('removes an empty cluster only', () => {
    const d = design();
    const removed = removeCluster(d, 'batch');
    expect('design' in removed && removed.design.clusters.map((c) => c.clusterName)).toEqual([
      'demo',
    ]);
    expect(removeCluster(d, 'demo')).toEqual({
      refusal: 'demo still holds 1 service and 1 instance: move or delete them first.',
    });
  });

  it('keeps the last cluster', () => {
    const d = parsedDesign(designInput());
    expect(removeCluster(d, 'demo')).toEqual({ refusal: 'A design keeps at least one cluster.' });
  });
});

describe('moveRegion', () => {
  it('moves zones, ARNs and the region together, and the gate accepts it', () => {
    const result = moveRegion(design(), 'eu-west-1');
    if ('refusal' in result) throw new Error(result.refusal);
    const after = result.design;
    expect(after.region).toBe('eu-west-1');
    expect(after.containerInstances[0]?.availabilityZone).toBe('eu-west-1a');
    expect(after.autoScalingGroups?.[0]?.AvailabilityZones).toEqual(['eu-west-1a']);
    expect(after.services[0]?.cluster).toBe('arn:aws:ecs:eu-west-1:123456789012:cluster/demo');
    expect(parseDesign(after).ok).toBe(true);
  });

  it('refuses what is not a region', () => {
    expect(moveRegion(design(), 'Europe')).toEqual({
      refusal: 'A region looks like us-east-1 or eu-west-2.',
    });
  });
});
