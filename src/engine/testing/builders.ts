import { type DesignDocument, type DesignInput, parseDesign } from '../../design';

/** Builders for tests: a valid design in a line, through the same gate users' designs pass. */

let nextInstance = 1;

export function instance(opts: { type?: string; az?: string; id?: string; cluster?: string } = {}) {
  const id = opts.id ?? `i-${(nextInstance++).toString(16).padStart(17, '0')}`;
  return {
    cluster: opts.cluster ?? 'test',
    ec2InstanceId: id,
    instanceType: opts.type ?? 'm5.large',
    availabilityZone: opts.az ?? 'us-east-1a',
  };
}

export function taskDefinition(
  family: string,
  opts: {
    cpu?: number;
    memory?: number;
    hostPort?: number;
    networkMode?: 'bridge' | 'host' | 'awsvpc' | 'none';
  } = {},
) {
  return {
    family,
    networkMode: opts.networkMode ?? 'bridge',
    containerDefinitions: [
      {
        name: family,
        image: `example/${family}:1`,
        cpu: opts.cpu ?? 256,
        memory: opts.memory ?? 512,
        essential: true,
        portMappings:
          opts.hostPort === undefined
            ? []
            : [{ containerPort: 80, hostPort: opts.hostPort, protocol: 'tcp' as const }],
      },
    ],
  };
}

export function service(name: string, desiredCount: number, extra: Record<string, unknown> = {}) {
  return { cluster: 'test', serviceName: name, taskDefinition: name, desiredCount, ...extra };
}

export function design(parts: Partial<DesignInput> = {}): DesignDocument {
  const input: DesignInput = {
    formatVersion: 1,
    name: 'test',
    seed: 7,
    region: 'us-east-1',
    clusters: [{ clusterName: 'test' }],
    workloads: [],
    ...parts,
  };
  const parsed = parseDesign(input);
  if (!parsed.ok) throw new Error(`test design refused:\n${parsed.message}`);
  return parsed.design;
}

export const seconds = (s: number) => s * 1000;
export const minutes = (m: number) => m * 60_000;
