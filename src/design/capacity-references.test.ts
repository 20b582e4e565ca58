import { describe, expect, it } from 'vitest';
import { designInput, parsedDesign, refusal, taskDefinition } from './testing';

// The gate's capacity cross-references (ecs-behavior §13), each with its JSON path.

const template = {
  LaunchTemplateName: 'ecs-node',
  LaunchTemplateData: {
    InstanceType: 'm5.large',
    UserData: 'echo ECS_CLUSTER=demo >> /etc/ecs/ecs.config',
  },
};
const group = {
  AutoScalingGroupName: 'nodes',
  MinSize: 0,
  MaxSize: 10,
  LaunchTemplate: { LaunchTemplateName: 'ecs-node' },
  AvailabilityZones: ['us-east-1a', 'us-east-1b'],
  NewInstancesProtectedFromScaleIn: true,
};
const provider = {
  name: 'cp-nodes',
  autoScalingGroupProvider: {
    autoScalingGroupArn: 'nodes',
    managedScaling: { status: 'ENABLED', targetCapacity: 100 },
    managedTerminationProtection: 'ENABLED',
  },
};

const withCapacity = (extra: Record<string, unknown> = {}) =>
  designInput({
    clusters: [{ clusterName: 'demo', capacityProviders: ['cp-nodes', 'FARGATE'] }],
    launchTemplates: [template],
    autoScalingGroups: [group],
    capacityProviders: [provider],
    taskDefinitions: [taskDefinition('web')],
    ...extra,
  } as never);

describe('capacity references', () => {
  it('accepts a launch template, a group, a provider and a cluster that fit', () => {
    expect(parsedDesign(withCapacity()).capacityProviders).toHaveLength(1);
  });

  it('refuses a group naming a missing launch template', () => {
    expect(
      refusal(
        withCapacity({
          autoScalingGroups: [{ ...group, LaunchTemplate: { LaunchTemplateName: 'nope' } }],
        }),
      ),
    ).toContain(
      'autoScalingGroups[0].LaunchTemplate: launch template nope is not in launchTemplates',
    );
  });

  it('refuses a provider naming a missing group, by name or ARN', () => {
    const arn =
      'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:0:autoScalingGroupName/gone';
    const bad = { ...provider, autoScalingGroupProvider: { autoScalingGroupArn: arn } };
    expect(refusal(withCapacity({ capacityProviders: [bad] }))).toContain(
      'capacityProviders[0].autoScalingGroupProvider.autoScalingGroupArn: Auto Scaling group gone is not in autoScalingGroups',
    );
  });

  it('refuses a cluster listing a missing provider', () => {
    const clusters = [{ clusterName: 'demo', capacityProviders: ['ghost'] }];
    expect(refusal(withCapacity({ clusters }))).toContain(
      'clusters[0].capacityProviders[0]: capacity provider ghost is not in capacityProviders',
    );
  });

  it('refuses managed termination protection without scale-in protection, in ECS words', () => {
    expect(
      refusal(
        withCapacity({
          autoScalingGroups: [{ ...group, NewInstancesProtectedFromScaleIn: false }],
        }),
      ),
    ).toContain(
      'capacityProviders[0].autoScalingGroupProvider.managedTerminationProtection: The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the Auto Scaling group must have instance protection from scale in enabled.',
    );
  });

  it.each<[string, unknown[], string]>([
    [
      'Fargate and ASG providers together',
      [
        { capacityProvider: 'cp-nodes', weight: 1 },
        { capacityProvider: 'FARGATE', weight: 1 },
      ],
      'services[0].capacityProviderStrategy: A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.',
    ],
    [
      'a provider the cluster is not associated with',
      [
        { capacityProvider: 'FARGATE', base: 1, weight: 1 },
        { capacityProvider: 'FARGATE_SPOT', base: 2, weight: 1 },
      ],
      'services[0].capacityProviderStrategy[1].capacityProvider: The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.',
    ],
    [
      'all weights zero',
      [{ capacityProvider: 'cp-nodes', base: 1, weight: 0 }],
      'services[0].capacityProviderStrategy: The specified capacity provider strategy must contain at least one capacity provider with a weight greater than zero.',
    ],
  ])('refuses a strategy with %s', (_label, strategy, message) => {
    const services = [
      {
        serviceName: 'web',
        taskDefinition: 'web',
        desiredCount: 1,
        capacityProviderStrategy: strategy,
      },
    ];
    expect(refusal(withCapacity({ services }))).toContain(message);
  });

  it('refuses more than one base among associated providers', () => {
    const clusters = [{ clusterName: 'demo', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] }];
    const services = [
      {
        serviceName: 'web',
        taskDefinition: 'web',
        desiredCount: 1,
        capacityProviderStrategy: [
          { capacityProvider: 'FARGATE', base: 1, weight: 1 },
          { capacityProvider: 'FARGATE_SPOT', base: 2, weight: 1 },
        ],
      },
    ];
    expect(refusal(withCapacity({ clusters, services }))).toContain(
      'services[0].capacityProviderStrategy: The specified capacity provider strategy cannot contain more than one capacity provider with a base value.',
    );
  });

  it('refuses a launch type beside a strategy', () => {
    const services = [
      {
        serviceName: 'web',
        taskDefinition: 'web',
        desiredCount: 1,
        launchType: 'EC2',
        capacityProviderStrategy: [{ capacityProvider: 'cp-nodes', weight: 1 }],
      },
    ];
    expect(refusal(withCapacity({ services }))).toContain(
      'services[0].capacityProviderStrategy: Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
    );
  });

  it('refuses a desired capacity outside min and max, in EC2 Auto Scaling words', () => {
    expect(
      refusal(withCapacity({ autoScalingGroups: [{ ...group, MaxSize: 2, DesiredCapacity: 3 }] })),
    ).toContain(
      'autoScalingGroups[0].DesiredCapacity: Desired capacity:3 must be between the specified min size:0 and max size:2',
    );
  });

  it('refuses user data naming a cluster the design does not have (base64 too)', () => {
    const userData = btoa('#!/bin/bash\necho ECS_CLUSTER=other >> /etc/ecs/ecs.config');
    const launchTemplates = [
      { ...template, LaunchTemplateData: { InstanceType: 'm5.large', UserData: userData } },
    ];
    expect(refusal(withCapacity({ launchTemplates }))).toContain(
      'launchTemplates[0].LaunchTemplateData.UserData: ECS_CLUSTER=other names a cluster that is not in clusters',
    );
  });
});
