import type { DesignIssue } from '../../design';

/** The design gate's first objection, as a field shows it. */
export function firstIssue(issues: readonly DesignIssue[]): string | undefined {
  const issue = issues[0];
  return issue ? `${issue.path}: ${issue.message}` : undefined;
}
