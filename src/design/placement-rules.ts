import type { DesignDocument } from './document';
import type { DesignIssue } from './issues';
import { parseQuery } from './query';
import { resolveTaskDefinition, taskDefinitionRevisions } from './resolve';

interface Constraint {
  type: string;
  expression?: string | undefined;
}

/** At most 10 constraints per task, task definition and runtime together (ecs-behavior §4.4). */
const MAX_CONSTRAINTS = 10;

function checkExpressions(
  path: string,
  constraints: readonly Constraint[],
  push: (p: string, m: string) => void,
) {
  constraints.forEach((c, i) => {
    if (c.type !== 'memberOf' || c.expression === undefined) return;
    const parsed = parseQuery(c.expression);
    if (!parsed.ok) push(`${path}[${i}].expression`, parsed.error.message);
  });
}

/**
 * memberOf expressions must parse, as CreateService, RunTask and RegisterTaskDefinition
 * refuse them otherwise; a syntax error names the character position.
 */
export function checkPlacementRules(design: DesignDocument): DesignIssue[] {
  const issues: DesignIssue[] = [];
  const push = (path: string, message: string) => issues.push({ path, message });
  const revisions = taskDefinitionRevisions(design);
  design.taskDefinitions.forEach((td, i) => {
    checkExpressions(
      `taskDefinitions[${i}].placementConstraints`,
      td.placementConstraints ?? [],
      push,
    );
  });
  design.services.forEach((s, i) => {
    const own = s.placementConstraints ?? [];
    checkExpressions(`services[${i}].placementConstraints`, own, push);
    const td = resolveTaskDefinition(revisions, s.taskDefinition);
    const total = own.length + (td?.input.placementConstraints?.length ?? 0);
    if (total > MAX_CONSTRAINTS) {
      push(
        `services[${i}].placementConstraints`,
        `${total} constraints with the task definition's; a task allows at most ${MAX_CONSTRAINTS}`,
      );
    }
  });
  design.script.forEach((a, i) => {
    if (a.action === 'UpdateService' || a.action === 'RunTask') {
      checkExpressions(
        `script[${i}].input.placementConstraints`,
        a.input.placementConstraints ?? [],
        push,
      );
    }
  });
  return issues;
}
