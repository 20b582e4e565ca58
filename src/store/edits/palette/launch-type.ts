import type {
  CreateServiceInput,
  DesignDocument,
  RegisterTaskDefinitionInput,
} from '../../../design';
import { FARGATE_TASK_SIZES } from '../../../design/task-definition-rules';
import { defaultNetworkConfiguration, zoneSubnet } from '../network';
import { ON_PREMISES } from './external-instance';

/** Where the palette's service or task runs: an EC2 instance, Fargate, or an external instance. */
export type PaletteLaunchType = 'EC2' | 'FARGATE' | 'EXTERNAL';

/**
 * The smallest Fargate size (§6.1) that holds `cpu` units and `memoryMiB`.
 * Model: the palette rounds up instead of refusing, and the card shows the size it took;
 * larger than 16 vCPU / 120 GiB is the largest size (the gate then judges the container).
 */
export function fargateSizeFor(cpu: number, memoryMiB: number): { cpu: number; memoryMiB: number } {
  for (const size of FARGATE_TASK_SIZES) {
    if (size.cpu < cpu) continue;
    const memory = size.memoryMiB.find((m) => m >= memoryMiB);
    if (memory !== undefined) return { cpu: size.cpu, memoryMiB: memory };
  }
  const last = FARGATE_TASK_SIZES[FARGATE_TASK_SIZES.length - 1];
  return {
    cpu: last?.cpu ?? 16384,
    memoryMiB: last?.memoryMiB[last.memoryMiB.length - 1] ?? 122880,
  };
}

/** Why this combination is one ECS refuses, or nothing. */
export function launchTypeRefusalOf(
  launchType: PaletteLaunchType,
  networkMode: string,
  daemon: boolean,
): string | undefined {
  if (launchType === 'FARGATE' && daemon)
    return 'The DAEMON scheduling strategy does not support the FARGATE launch type.';
  if (launchType === 'EXTERNAL' && networkMode === 'awsvpc')
    return 'External instances support the bridge, host and none network modes, not awsvpc.';
  return undefined;
}

/**
 * The task definition a launch type needs (ecs-behavior §6.1): FARGATE is awsvpc with a
 * task-level size from Fargate's table; EXTERNAL lists EXTERNAL; EC2 stays as it is.
 */
export function taskDefinitionFor(
  input: RegisterTaskDefinitionInput,
  launchType: PaletteLaunchType,
): RegisterTaskDefinitionInput {
  if (launchType === 'EC2') return input;
  if (launchType === 'EXTERNAL') return { ...input, requiresCompatibilities: ['EXTERNAL'] };
  const first = input.containerDefinitions[0];
  const size = fargateSizeFor(first?.cpu ?? 256, first?.memory ?? 512);
  return {
    ...input,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: String(size.cpu),
    memory: String(size.memoryMiB),
    containerDefinitions: input.containerDefinitions.map((c) => ({
      ...c,
      // awsvpc: the host port is the container's own (§5).
      ...(c.portMappings && {
        portMappings: c.portMappings.map((p) => ({ ...p, hostPort: p.containerPort })),
      }),
    })),
  };
}

/**
 * The service as that launch type asks: FARGATE and EXTERNAL take no zone spread (Fargate
 * refuses placement strategies; an external instance has no zone), and a Fargate service
 * gets its subnets, one per zone of its cluster.
 * Model: an EXTERNAL service keeps no placement strategy (ECS's default placement).
 */
export function serviceFor(
  design: DesignDocument,
  service: CreateServiceInput,
  launchType: PaletteLaunchType,
): CreateServiceInput {
  if (launchType === 'EC2') return service;
  const { placementStrategy: _spread, ...rest } = service;
  if (launchType === 'EXTERNAL') return { ...rest, launchType };
  return { ...rest, launchType, networkConfiguration: fargateNetwork(design, service.cluster) };
}

/** The cluster's zones' subnets for awsvpc tasks, never the on-premises lane's. */
export function fargateNetwork(design: DesignDocument, cluster: string | undefined) {
  const base = defaultNetworkConfiguration(design, {
    serviceName: '',
    taskDefinition: '',
    ...(cluster !== undefined && { cluster }),
  });
  const onPremises = zoneSubnet(ON_PREMISES);
  const subnets = base.awsvpcConfiguration.subnets.filter((s) => s !== onPremises);
  return { awsvpcConfiguration: { ...base.awsvpcConfiguration, subnets } };
}
