// B4's design: 150 m5.xlarge instances over three Availability Zones and one
// REPLICA service of 2,000 tasks (256 CPU units, 512 MiB) that all fit:
// 13-14 a instance under the default spread, of 16 by CPU.

export const B4_INSTANCES = 150;
export const B4_TASKS = 2_000;
export const B4_DESIGN_NAME = 'B4: 2,000 tasks on 150 instances';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'] as const;

export function b4Design(): object {
  return {
    formatVersion: 1,
    name: B4_DESIGN_NAME,
    seed: 4,
    startTime: '2026-01-01T00:00:00Z',
    region: 'us-east-1',
    clusters: [{ clusterName: 'bench' }],
    containerInstances: Array.from({ length: B4_INSTANCES }, (_, i) => ({
      cluster: 'bench',
      ec2InstanceId: `i-0b4${String(i).padStart(14, '0')}`,
      instanceType: 'm5.xlarge',
      availabilityZone: AZS[i % AZS.length],
    })),
    taskDefinitions: [
      {
        family: 'api',
        networkMode: 'bridge',
        containerDefinitions: [
          {
            name: 'api',
            image: 'public.ecr.aws/nginx/nginx:1.27',
            cpu: 256,
            memory: 512,
            essential: true,
          },
        ],
      },
    ],
    services: [
      {
        cluster: 'bench',
        serviceName: 'api',
        taskDefinition: 'api',
        desiredCount: B4_TASKS,
        schedulingStrategy: 'REPLICA',
      },
    ],
    workloads: [{ family: 'api', imagePullSeconds: 8, startSeconds: 4, stopSeconds: 2 }],
    script: [],
    layout: {},
  };
}
