import type { TargetGroup } from './elb-shapes';
import type { DesignIssue } from './issues';

/**
 * What CreateTargetGroup refuses beyond field shapes, for one target group at `at`
 * (`targetGroups[0]`, or its template path). The import readers call it too, so that a
 * refusal names the field where the person wrote it.
 *
 * Protocol: the API reference marks it optional, because "if the target is a Lambda
 * function, this parameter does not apply"; for any other target type ELB answers
 * `ValidationError: A protocol must be specified` (the CloudFormation guide calls it
 * conditionally required).
 */
export function checkTargetGroup(tg: TargetGroup, at: string): DesignIssue[] {
  const issues: DesignIssue[] = [];
  const type = tg.TargetType ?? 'instance';
  if (tg.Protocol === undefined && type !== 'lambda') {
    issues.push({
      path: `${at}.Protocol`,
      message: `is required for TargetType ${type}${tg.TargetType === undefined ? ' (the default)' : ''}: ELB refuses it with "A protocol must be specified"; only a lambda target group goes without`,
    });
  }
  return issues;
}
