import type { DesignDocument } from './document';
import type { DesignIssue } from './issues';
import { parseTaskDefinitionRef, scriptedTaskDefinitionRevisions } from './resolve';

/**
 * Workloads that cannot do what they say. A FAIL_HEALTH_CHECK revision fails only a
 * health check it has: an essential container's `healthCheck`, or its service's load
 * balancer target group. Without either its tasks run and count as healthy.
 */
export function checkWorkloadWarnings(design: DesignDocument): DesignIssue[] {
  const issues: DesignIssue[] = [];
  const revisions = scriptedTaskDefinitionRevisions(design);
  const balanced = new Set(
    design.services
      .filter((s) => (s.loadBalancers as unknown[] | undefined)?.length)
      .map((s) => parseTaskDefinitionRef(s.taskDefinition).family),
  );
  design.workloads.forEach((w, i) => {
    if (w.failure?.type !== 'FAIL_HEALTH_CHECK' || balanced.has(w.family)) return;
    const mine = revisions.filter(
      (r) => r.family === w.family && (w.revision === undefined || r.revision === w.revision),
    );
    const checked = mine.some((r) =>
      r.input.containerDefinitions.some((c) => c.essential !== false && c.healthCheck),
    );
    if (checked) return;
    issues.push({
      path: `workloads[${i}].failure.type`,
      message: `FAIL_HEALTH_CHECK has no health check to fail: give an essential container of ${w.family} a healthCheck, or its service a load balancer; until then its tasks run as healthy`,
    });
  });
  return issues;
}
