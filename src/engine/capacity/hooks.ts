import type { CapacityCommand } from '../../design';
import type { EngineContext } from '../context';
import { createRng } from '../kernel';
import { applyCapacity } from './commands';
import { onBooted, reconcileGroups } from './groups';
import { capacityProviderMinute } from './managed-scaling';
import { onSpotInterrupt, onSpotReclaim } from './spot';
import { forgetGoneTasks } from './tasks';
import { placeWaiting, standaloneRequest } from './waiting';

/** The clock events of this part of the engine (context.ts puts them in EngineEvent). */
export type CapacityEvent =
  /** RunTask's tasks waiting for capacity in a cluster try again. */
  | { kind: 'capacity'; what: 'place-waiting'; cluster: string }
  /** An Auto Scaling group's instance has booted: its agent registers it. */
  | { kind: 'capacity'; what: 'boot'; ec2InstanceId: string }
  /** A Spot task's seeded interruption, and the end of its two-minute warning. */
  | { kind: 'capacity'; what: 'spot-interrupt'; taskArn: string }
  | { kind: 'capacity'; what: 'spot-reclaim'; taskArn: string };

/** Once, when the run starts at 0 (not on restore). */
export function startCapacity(ctx: EngineContext): void {
  // The run's seed, not the design's: another seed draws other interruptions.
  ctx.capacity.rng = [...createRng(ctx.seed).fork('capacity').getState()];
  reconcileGroups(ctx);
}

/** Its timers, as simulation.ts hands them over. */
export function onCapacityEvent(ctx: EngineContext, event: CapacityEvent): void {
  switch (event.what) {
    case 'place-waiting': {
      const key = `cluster:${event.cluster}`;
      ctx.pendingReconciles.delete(`${ctx.nowMs}/${key}`);
      placeWaiting(ctx, key, (task) => standaloneRequest(ctx, task));
      return;
    }
    case 'boot':
      onBooted(ctx, event.ec2InstanceId);
      return;
    case 'spot-interrupt':
      onSpotInterrupt(ctx, event.taskArn);
      return;
    case 'spot-reclaim':
      onSpotReclaim(ctx, event.taskArn);
      return;
  }
}

/** Every simulated minute, after the minute's metrics are out. */
export function capacityMinute(ctx: EngineContext): void {
  forgetGoneTasks(ctx);
  capacityProviderMinute(ctx);
}

/** Its script actions, applied now (commands/index.ts): the AWS response. */
export function applyCapacityCommand(
  ctx: EngineContext,
  command: CapacityCommand,
): Record<string, unknown> {
  return applyCapacity(ctx, command);
}
