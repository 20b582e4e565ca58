import type { EngineContext } from '../context';
import { uuid } from '../ids';
import type { ServiceState } from '../model/types';

/** DescribeServices keeps the 100 latest events per service (ecs-behavior §16). */
const EVENTS_KEPT = 100;

export function serviceEvent(ctx: EngineContext, service: ServiceState, message: string): void {
  const event = {
    id: uuid(ctx.rng.ids),
    serviceName: service.serviceName,
    createdAtMs: ctx.nowMs,
    message,
  };
  ctx.serviceEvents.push(event);
  ctx.out.serviceEvents.push(event);
  let count = 0;
  for (let i = ctx.serviceEvents.length - 1; i >= 0; i--) {
    if (ctx.serviceEvents[i]?.serviceName !== service.serviceName) continue;
    if (++count > EVENTS_KEPT) {
      ctx.serviceEvents.splice(i, 1);
      break;
    }
  }
}

/** `(task <id>) (task <id>)`: how the console lists tasks in one message. */
export function taskList(taskIds: readonly string[]): string {
  return taskIds.map((id) => `(task ${id})`).join(' ');
}
