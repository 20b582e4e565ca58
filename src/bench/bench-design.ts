// The cluster every engine benchmark plays: m5.xlarge instances dealt over three
// Availability Zones and REPLICA services of one small bridge-mode task family,
// as plain design JSON (each bench puts it through parseDesign, as an import would).

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'] as const;

export interface BenchDesignOptions {
  name: string;
  seed: number;
  /** Three characters that keep each bench's instance ids its own: `s1` -> `i-0s1000...`. */
  idPrefix: string;
  instances: number;
  /** Each service's name and desired count, all of the `api` family. */
  services: readonly { serviceName: string; desiredCount: number }[];
  cpu?: number;
  memory?: number;
  script?: readonly object[];
}

export function benchDesign(o: BenchDesignOptions): Record<string, unknown> {
  return {
    formatVersion: 1,
    name: o.name,
    seed: o.seed,
    startTime: '2026-01-01T00:00:00Z',
    region: 'us-east-1',
    clusters: [{ clusterName: 'bench' }],
    containerInstances: Array.from({ length: o.instances }, (_, i) => ({
      cluster: 'bench',
      ec2InstanceId: `i-0${o.idPrefix}${String(i).padStart(14, '0')}`,
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
            cpu: o.cpu ?? 128,
            memory: o.memory ?? 256,
          },
        ],
      },
    ],
    services: o.services.map((s) => ({ cluster: 'bench', taskDefinition: 'api', ...s })),
    workloads: [{ family: 'api', imagePullSeconds: 8, startSeconds: 4, stopSeconds: 2 }],
    script: [...(o.script ?? [])],
    layout: {},
  };
}
