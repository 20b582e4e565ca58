import type { DesignInput } from './document';

/** What a first open shows: a small cluster that scales out and loses an instance. */
export const sampleDesign: DesignInput = {
  formatVersion: 1,
  name: 'Sample: web on three instances',
  seed: 42,
  startTime: '2026-01-01T00:00:00Z',
  region: 'us-east-1',
  clusters: [{ clusterName: 'demo' }],
  containerInstances: [
    {
      cluster: 'demo',
      ec2InstanceId: 'i-0a1b2c3d4e5f60001',
      instanceType: 'm5.large',
      availabilityZone: 'us-east-1a',
    },
    {
      cluster: 'demo',
      ec2InstanceId: 'i-0a1b2c3d4e5f60002',
      instanceType: 'm5.large',
      availabilityZone: 'us-east-1b',
    },
    {
      cluster: 'demo',
      ec2InstanceId: 'i-0a1b2c3d4e5f60003',
      instanceType: 't3.medium',
      availabilityZone: 'us-east-1c',
    },
  ],
  taskDefinitions: [
    {
      family: 'web',
      networkMode: 'bridge',
      containerDefinitions: [
        {
          name: 'web',
          image: 'public.ecr.aws/nginx/nginx:1.27',
          cpu: 256,
          memory: 512,
          essential: true,
          portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
        },
      ],
    },
  ],
  services: [
    {
      cluster: 'demo',
      serviceName: 'web',
      taskDefinition: 'web',
      desiredCount: 3,
      deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 },
    },
  ],
  workloads: [{ family: 'web', imagePullSeconds: 8, startSeconds: 4, stopSeconds: 2 }],
  script: [
    {
      at: 120,
      action: 'UpdateService',
      input: { cluster: 'demo', service: 'web', desiredCount: 6 },
    },
    { at: 240, action: 'TerminateInstance', input: { ec2InstanceId: 'i-0a1b2c3d4e5f60003' } },
  ],
  layout: {},
};
