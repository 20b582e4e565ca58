import type { EngineContext } from '../context';
import type { ServiceState } from '../model/types';
import { serviceEvent } from '../output/service-events';

/**
 * Registrations and deregistrations since the last scheduler pass, told as the console
 * tells them (ecs-behavior §14.4, captured output): one line per target group, not one
 * per task.
 */
export function flushTargetNotes(ctx: EngineContext, service: ServiceState): void {
  const notes = service.targetNotes;
  if (!notes) return;
  delete service.targetNotes;
  const name = service.serviceName;
  const where = (arn: string) => {
    const tg = ctx.targetGroups.get(arn);
    return tg?.lbType === 'classic' ? `(elb ${tg.name})` : `(target-group ${arn})`;
  };
  const draining = Object.values(notes.deregistered).reduce((a, b) => Math.max(a, b), 0);
  if (draining > 0)
    serviceEvent(
      ctx,
      service,
      `(service ${name}) has begun draining connections on ${draining} tasks.`,
    );
  for (const [arn, n] of Object.entries(notes.deregistered))
    serviceEvent(ctx, service, `(service ${name}) deregistered ${n} targets in ${where(arn)}`);
  for (const [arn, n] of Object.entries(notes.registered))
    serviceEvent(ctx, service, `(service ${name}) registered ${n} targets in ${where(arn)}`);
}
