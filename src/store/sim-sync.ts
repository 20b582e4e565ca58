import type { Command, DesignDocument } from '../design';

/** What a design change means for the running simulation. */
export type SimChange =
  | { kind: 'none' }
  | { kind: 'commands'; commands: Command[] }
  | { kind: 'reload' };

/** The parts of a design the simulation does not read, or reads live (desiredCount). */
function structure(design: DesignDocument): string {
  return JSON.stringify({
    ...design,
    name: '',
    layout: {},
    services: design.services.map((s) => ({ ...s, desiredCount: 0 })),
  });
}

/**
 * Compare two designs: canvas-only changes leave the run alone, desired-count
 * changes become UpdateService commands, anything else restarts at time 0.
 * Works the same for edits, undo, redo and imports.
 */
export function simChange(previous: DesignDocument, next: DesignDocument): SimChange {
  if (previous === next) return { kind: 'none' };
  if (structure(previous) !== structure(next)) return { kind: 'reload' };
  const commands: Command[] = [];
  next.services.forEach((service, i) => {
    const before = previous.services[i];
    if (service.desiredCount === undefined || before?.desiredCount === service.desiredCount) return;
    const input = { service: service.serviceName, desiredCount: service.desiredCount };
    commands.push({
      action: 'UpdateService',
      input: service.cluster === undefined ? input : { cluster: service.cluster, ...input },
    });
  });
  return commands.length > 0 ? { kind: 'commands', commands } : { kind: 'none' };
}
