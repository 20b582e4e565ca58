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
