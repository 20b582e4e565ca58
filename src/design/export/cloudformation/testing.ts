import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DesignDocument } from '../../document';
import { parseDesign } from '../../parse';

/** For tests: every e2e design (real Berth designs), and rows they lack. */
export function testDesigns(): [string, DesignDocument][] {
  const DESIGNS = join(__dirname, '../../../../e2e/designs');
  const designs: [string, DesignDocument][] = readdirSync(DESIGNS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = parseDesign(readFileSync(join(DESIGNS, f), 'utf8'));
      if (!parsed.ok) throw new Error(`${f}: ${parsed.message}`);
      return [f, parsed.design];
    });

  /** Rows the e2e designs lack: a Classic ELB, security groups, an EFS volume, log options, tags. */
  const extra = [
    {
      formatVersion: 1,
      name: 'classic',
      seed: 1,
      region: 'eu-west-1',
      clusters: [{ clusterName: 'old' }],
      containerInstances: [
        {
          cluster: 'old',
          ec2InstanceId: 'i-01',
          instanceType: 'm5.large',
          availabilityZone: 'eu-west-1a',
        },
      ],
      taskDefinitions: [
        {
          family: 'shop',
          networkMode: 'bridge',
          containerDefinitions: [
            {
              name: 'shop',
              image: 'shop:1',
              memory: 256,
              portMappings: [{ containerPort: 8080, hostPort: 80 }],
              logConfiguration: {
                logDriver: 'awslogs',
                options: { 'awslogs-group': 'shop', 'awslogs-region': 'eu-west-1' },
              },
              dockerLabels: { 'com.example.team': 'shop' },
            },
          ],
          tags: [{ key: 'team', value: 'shop' }],
        },
      ],
      services: [
        {
          cluster: 'old',
          serviceName: 'shop',
          taskDefinition: 'shop',
          desiredCount: 1,
          loadBalancers: [
            { loadBalancerName: 'shop-elb', containerName: 'shop', containerPort: 8080 },
          ],
        },
      ],
      loadBalancers: [
        {
          Name: 'shop-elb',
          Type: 'classic',
          Listeners: [
            { Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 80 },
          ],
          HealthCheck: {
            Target: 'HTTP:80/',
            Interval: 10,
            Timeout: 5,
            UnhealthyThreshold: 2,
            HealthyThreshold: 3,
          },
        },
      ],
    },
    {
      formatVersion: 1,
      name: 'fargate with groups',
      seed: 1,
      region: 'us-west-2',
      clusters: [
        {
          clusterName: 'apps',
          capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
          defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],
        },
      ],
      taskDefinitions: [
        {
          family: 'files',
          networkMode: 'awsvpc',
          requiresCompatibilities: ['FARGATE'],
          cpu: '1 vCPU',
          memory: '2 GB',
          containerDefinitions: [
            {
              name: 'app',
              image: 'app:2',
              portMappings: [{ containerPort: 80 }],
              mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }],
            },
          ],
          volumes: [
            {
              name: 'data',
              efsVolumeConfiguration: {
                fileSystemId: 'fs-12345678',
                transitEncryption: 'ENABLED',
                authorizationConfig: { iam: 'ENABLED' },
              },
            },
          ],
        },
      ],
      services: [
        {
          cluster: 'apps',
          serviceName: 'files',
          taskDefinition: 'files:1',
          desiredCount: 2,
          capacityProviderStrategy: [
            { capacityProvider: 'FARGATE_SPOT', weight: 3 },
            { capacityProvider: 'FARGATE', weight: 1, base: 1 },
          ],
          networkConfiguration: {
            awsvpcConfiguration: {
              subnets: ['subnet-a', 'subnet-b'],
              securityGroups: ['sg-1'],
              assignPublicIp: 'DISABLED',
            },
          },
        },
      ],
    },
  ].map((d): [string, DesignDocument] => {
    const parsed = parseDesign(d);
    if (!parsed.ok) throw new Error(`${d.name}: ${parsed.message}`);
    return [d.name, parsed.design];
  });
  designs.push(...extra);
  return designs;
}
