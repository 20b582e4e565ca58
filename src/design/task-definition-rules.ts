import type { RegisterTaskDefinitionInput } from './aws-shapes';
import type { DesignIssue } from './issues';

/**
 * The rules RegisterTaskDefinition enforces beyond field shapes (ecs-behavior §17.2),
 * those a design can break without the schema seeing it. `at` is the task
 * definition's path, e.g. `taskDefinitions[0]`.
 */
export function checkTaskDefinition(td: RegisterTaskDefinitionInput, at: string): DesignIssue[] {
  const issues: DesignIssue[] = [];
  const push = (path: string, message: string) => issues.push({ path: `${at}${path}`, message });
  const containers = td.containerDefinitions;
  const networkMode = td.networkMode ?? 'bridge';
  const fargate = td.requiresCompatibilities?.includes('FARGATE') ?? false;

  // Rule 2: `essential` defaults to true.
  if (!containers.some((c) => c.essential !== false)) {
    push('.containerDefinitions', 'needs at least one essential container');
  }
  // Rule 3 (the parts the simulator uses; the Fargate size table is the engine's).
  if (fargate && networkMode !== 'awsvpc') {
    push('.networkMode', 'must be "awsvpc" for a FARGATE task definition');
  }
  if (fargate && td.cpu === undefined) push('.cpu', 'is required for a FARGATE task definition');
  if (fargate && td.memory === undefined)
    push('.memory', 'is required for a FARGATE task definition');
  const size = fargate ? fargateSizeRefusal(td) : undefined;
  if (size) push('.cpu', size);
  // Rule 13.
  td.placementConstraints?.forEach((pc, i) => {
    if (pc.type !== 'memberOf') {
      push(`.placementConstraints[${i}].type`, 'must be "memberOf" in a task definition');
    }
  });

  const names = new Set<string>();
  containers.forEach((c, i) => {
    const here = `.containerDefinitions[${i}]`;
    if (names.has(c.name)) push(`${here}.name`, `${c.name} appears twice in this task definition`);
    names.add(c.name);
    // Rule 4: the message ECS itself returns.
    if (td.memory === undefined && !c.memory && !c.memoryReservation) {
      push(
        here,
        `Invalid setting for container '${c.name}'. At least one of 'memory' or 'memoryReservation' must be specified.`,
      );
    }
    // Rule 5.
    if (
      c.memory !== undefined &&
      c.memoryReservation !== undefined &&
      c.memory <= c.memoryReservation
    ) {
      push(`${here}.memory`, `must be greater than memoryReservation (${c.memoryReservation})`);
    }
    // Rule 7.
    if (networkMode === 'none' && (c.portMappings?.length ?? 0) > 0) {
      push(`${here}.portMappings`, 'must be empty when networkMode is "none"');
    }
    c.portMappings?.forEach((pm, j) => {
      if (pm.containerPort === undefined) {
        if (pm.containerPortRange === undefined) {
          push(`${here}.portMappings[${j}].containerPort`, 'is required (or containerPortRange)');
        }
        return;
      }
      const samePort = pm.hostPort === undefined || pm.hostPort === pm.containerPort;
      if ((networkMode === 'awsvpc' || networkMode === 'host') && !samePort) {
        push(
          `${here}.portMappings[${j}].hostPort`,
          `must be omitted or equal containerPort (${pm.containerPort}) when networkMode is "${networkMode}"`,
        );
      }
    });
  });
  return issues;
}

/** ECS's refusal of a Fargate size outside the table (§6.1), the text RegisterTaskDefinition returns. */
export const INVALID_FARGATE_CPU = "Invalid 'cpu' setting for task.";

const steps = (from: number, to: number, by: number) =>
  Array.from({ length: (to - from) / by + 1 }, (_, i) => from + i * by);

/** §6.1: the memory (MiB) each Fargate CPU size allows, and whether Windows may use it. */
export const FARGATE_TASK_SIZES: readonly {
  cpu: number;
  memoryMiB: readonly number[];
  windows: boolean;
}[] = [
  { cpu: 256, memoryMiB: [512, 1024, 2048], windows: false },
  { cpu: 512, memoryMiB: steps(1024, 4096, 1024), windows: false },
  { cpu: 1024, memoryMiB: steps(2048, 8192, 1024), windows: true },
  { cpu: 2048, memoryMiB: steps(4096, 16384, 1024), windows: true },
  { cpu: 4096, memoryMiB: steps(8192, 30720, 1024), windows: true },
  { cpu: 8192, memoryMiB: steps(16384, 61440, 4096), windows: false },
  { cpu: 16384, memoryMiB: steps(32768, 122880, 8192), windows: false },
];

/** "1024" or "1 vCPU" as CPU units; "2048" or "2 GB" as MiB (§6.1). */
function units(value: string | undefined, suffix: RegExp): number | undefined {
  if (value === undefined) return undefined;
  const scaled = suffix.exec(value);
  const n = scaled ? Number(scaled[1]) * 1024 : Number(value);
  return Number.isFinite(n) ? Math.round(n) : undefined;
}

function list(values: readonly number[]): string {
  if (values.length <= 4) return values.join(', ');
  const step = (values[1] ?? 0) - (values[0] ?? 0);
  return `${values[0]}-${values[values.length - 1]} in steps of ${step}`;
}

/**
 * Why Fargate has no size for this definition's task-level cpu and memory, or nothing.
 * A definition that lists FARGATE is checked even when EC2 is listed too (§6.1).
 */
export function fargateSizeRefusal(td: RegisterTaskDefinitionInput): string | undefined {
  const cpu = units(td.cpu, /^\s*([\d.]+)\s*vcpu\s*$/i);
  const memory = units(td.memory, /^\s*([\d.]+)\s*gb\s*$/i);
  if (cpu === undefined || memory === undefined) return undefined;
  const windows = td.runtimePlatform?.operatingSystemFamily?.startsWith('WINDOWS') ?? false;
  const size = FARGATE_TASK_SIZES.find((s) => s.cpu === cpu);
  if (!size) {
    const cpus = FARGATE_TASK_SIZES.filter((s) => s.windows || !windows).map((s) => s.cpu);
    return `${INVALID_FARGATE_CPU} Fargate has no task size of ${cpu} CPU units: cpu must be ${cpus.join(', ')}`;
  }
  if (windows && !size.windows) {
    return `${INVALID_FARGATE_CPU} Windows on Fargate needs cpu 1024, 2048 or 4096, not ${cpu}`;
  }
  if (!size.memoryMiB.includes(memory)) {
    return `${INVALID_FARGATE_CPU} No Fargate configuration exists for cpu ${cpu} and memory ${memory}: with cpu ${cpu}, memory must be ${list(size.memoryMiB)} MiB`;
  }
  return undefined;
}
