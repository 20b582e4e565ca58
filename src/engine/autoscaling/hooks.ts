import type { AutoscalingCommand } from '../../design';
import type { EngineContext } from '../context';

/** The clock events of this part of the engine (context.ts puts them in EngineEvent). */
export interface AutoscalingEvent {
  kind: 'autoscaling';
  what: string;
}

/** Once, when the run starts at 0 (not on restore). */
export function startAutoscaling(_ctx: EngineContext): void {}

/** Its timers, as simulation.ts hands them over. */
export function onAutoscalingEvent(_ctx: EngineContext, _event: AutoscalingEvent): void {}

/** Every simulated minute, after the minute's metrics are out. */
export function autoscalingMinute(_ctx: EngineContext): void {}

/** Its script actions, applied now (commands/index.ts): the AWS response. */
export function applyAutoscalingCommand(
  _ctx: EngineContext,
  command: AutoscalingCommand,
): Record<string, unknown> {
  return command;
}
