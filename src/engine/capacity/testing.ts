import type { DesignDocument } from '../../design';
import { design, taskDefinition } from '../testing/builders';

/** A cluster fed by one Auto Scaling group through a capacity provider, for the tests here. */
export function asgDesign(
  opts: {
    group?: Record<string, unknown>;
    provider?: Record<string, unknown>;
    managedScaling?: Record<string, unknown> | false;
    services?: Record<string, unknown>[];
    taskCpu?: number;
    extra?: Record<string, unknown>;
  } = {},
): DesignDocument {
  const managedScaling =
    opts.managedScaling === false ? undefined : { status: 'ENABLED', ...opts.managedScaling };
  return design({
    clusters: [{ clusterName: 'test', capacityProviders: ['cp'] }],
    launchTemplates: [
      {
        LaunchTemplateName: 'node',
        LaunchTemplateData: {
          InstanceType: 'm5.large',
          // base64 of "#!/bin/bash\necho ECS_CLUSTER=test >> /etc/ecs/ecs.config\n"
          UserData: 'IyEvYmluL2Jhc2gKZWNobyBFQ1NfQ0xVU1RFUj10ZXN0ID4+IC9ldGMvZWNzL2Vjcy5jb25maWcK',
        },
      },
    ],
    autoScalingGroups: [
      {
        AutoScalingGroupName: 'nodes',
        MinSize: 0,
        MaxSize: 10,
        DesiredCapacity: 0,
        LaunchTemplate: { LaunchTemplateName: 'node', Version: '$Latest' },
        AvailabilityZones: ['us-east-1a', 'us-east-1b'],
        NewInstancesProtectedFromScaleIn: true,
        ...opts.group,
      },
    ],
    capacityProviders: [
      {
        name: 'cp',
        autoScalingGroupProvider: {
          autoScalingGroupArn: 'nodes',
          ...(managedScaling && { managedScaling }),
          ...(managedScaling && { managedTerminationProtection: 'ENABLED' }),
          ...opts.provider,
        },
      },
    ],
    taskDefinitions: [taskDefinition('web', { cpu: opts.taskCpu ?? 256, memory: 512 })],
    services: (opts.services ?? []) as never,
    ...opts.extra,
  } as never);
}

export const onProvider = { capacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }] };
