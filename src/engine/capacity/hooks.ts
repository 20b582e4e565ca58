import type { CapacityCommand } from '../../design';
import type { EngineContext } from '../context';

/** The clock events of this part of the engine (context.ts puts them in EngineEvent). */
export interface CapacityEvent {
  kind: 'capacity';
  what: string;
}

/** Once, when the run starts at 0 (not on restore). */
export function startCapacity(_ctx: EngineContext): void {}

/** Its timers, as simulation.ts hands them over. */
export function onCapacityEvent(_ctx: EngineContext, _event: CapacityEvent): void {}

/** Every simulated minute, after the minute's metrics are out. */
export function capacityMinute(_ctx: EngineContext): void {}

/** Its script actions, applied now (commands/index.ts): the AWS response. */
export function applyCapacityCommand(
  _ctx: EngineContext,
  command: CapacityCommand,
): Record<string, unknown> {
  return command;
}
