import type { EngineContext } from '../context';

/** ELB's reason codes for the states Berth gives targets (DescribeTargetHealth). */
const REASONS: Record<string, { Reason: string; Description: string } | undefined> = {
  initial: {
    Reason: 'Elb.RegistrationInProgress',
    Description: 'Target registration is in progress',
  },
  unhealthy: { Reason: 'Target.FailedHealthChecks', Description: 'Health checks failed' },
  draining: {
    Reason: 'Target.DeregistrationInProgress',
    Description: 'Target deregistration is in progress',
  },
};

/** Each target group's targets as `aws elbv2 describe-target-health` prints them. */
export function describeTargetHealth(ctx: EngineContext): {
  TargetGroupArn: string;
  TargetHealthDescriptions: Record<string, unknown>[];
}[] {
  const groups = new Map<string, Record<string, unknown>[]>(
    [...ctx.targetGroups.keys()].map((arn) => [arn, []]),
  );
  for (const task of ctx.tasks.values()) {
    for (const target of task.targets ?? []) {
      const reason = REASONS[target.state];
      groups.get(target.targetGroupArn)?.push({
        Target: { Id: target.id, Port: target.port },
        HealthCheckPort: String(target.port),
        TargetHealth: { State: target.state, ...reason },
      });
    }
  }
  return [...groups].map(([TargetGroupArn, TargetHealthDescriptions]) => ({
    TargetGroupArn,
    TargetHealthDescriptions,
  }));
}
