import {
  type CreateServiceInput,
  type DesignDocument,
  parseTaskDefinitionRef,
  resolveTaskDefinition,
  taskDefinitionRevisions,
} from '../../design';

/** Where a service's task definition sits in the design, and the numbers it shows. */
export interface ServiceSummary {
  serviceName: string;
  cluster: string | undefined;
  family: string;
  revision: number | undefined;
  taskDefinitionIndex: number;
  image: string;
  cpu: number;
  memoryMiB: number;
  desiredCount: number;
  schedulingStrategy: 'REPLICA' | 'DAEMON';
  networkMode: string;
  /** The first port mapping as "80:0" style facts; undefined without one. */
  port: { containerPort: number; hostPort: number } | undefined;
}

/** An omitted hostPort is dynamic in bridge mode and the container's own port otherwise (§5). */
function firstPort(
  networkMode: string,
  mappings: readonly { containerPort?: number | undefined; hostPort?: number | undefined }[] = [],
): ServiceSummary['port'] {
  const first = mappings[0];
  if (first?.containerPort === undefined) return undefined;
  const implied = networkMode === 'bridge' ? 0 : first.containerPort;
  return { containerPort: first.containerPort, hostPort: first.hostPort ?? implied };
}

export function summarizeService(
  design: DesignDocument,
  service: CreateServiceInput,
): ServiceSummary {
  const revisions = taskDefinitionRevisions(design);
  const resolved = resolveTaskDefinition(revisions, service.taskDefinition);
  const input = resolved?.input;
  const networkMode = input?.networkMode ?? 'bridge';
  const container = input?.containerDefinitions[0];
  const taskCpu = input?.cpu === undefined ? undefined : Number(input.cpu);
  const taskMemory = input?.memory === undefined ? undefined : Number(input.memory);
  return {
    serviceName: service.serviceName,
    cluster: service.cluster,
    family: resolved?.family ?? parseTaskDefinitionRef(service.taskDefinition).family,
    revision: resolved?.revision,
    taskDefinitionIndex: input ? design.taskDefinitions.indexOf(input) : -1,
    image: container?.image ?? '',
    cpu: taskCpu ?? container?.cpu ?? 0,
    memoryMiB: taskMemory ?? container?.memory ?? container?.memoryReservation ?? 0,
    desiredCount: service.desiredCount ?? 0,
    schedulingStrategy: service.schedulingStrategy ?? 'REPLICA',
    networkMode,
    port: firstPort(networkMode, container?.portMappings),
  };
}
