import {
  type Command,
  type DesignDocument,
  parseTaskDefinitionRef,
  resolveTaskDefinition,
  taskDefinitionRevisions,
  type WorkloadFailure,
} from '../design';
import { useDesignStore } from './design';
import { shownDesign } from './live/shown-design';
import { isPristine, useRunStore } from './run';
import { applyLive } from './sim-control';

/**
 * A bad revision, deployed on purpose: the service's task definition registered again as
 * its family's next revision, made to fail (FailRevision), and deployed (UpdateService).
 * Three journal commands, so the run replays it and a link carries it.
 */
export function failingRevisionCommands(
  design: DesignDocument,
  serviceName: string,
  type: WorkloadFailure['type'],
): Command[] {
  const service = design.services.find((s) => s.serviceName === serviceName);
  if (!service) return [];
  const revisions = taskDefinitionRevisions(design);
  const current = resolveTaskDefinition(revisions, service.taskDefinition);
  if (!current) return [];
  const { family } = parseTaskDefinitionRef(service.taskDefinition);
  const next = Math.max(...revisions.filter((r) => r.family === family).map((r) => r.revision)) + 1;
  const taskDefinition = `${family}:${next}`;
  return [
    { action: 'RegisterTaskDefinition', input: current.input },
    { action: 'FailRevision', input: { taskDefinition, failure: { type } } },
    {
      action: 'UpdateService',
      input: {
        ...(service.cluster !== undefined && { cluster: service.cluster }),
        service: serviceName,
        taskDefinition,
      },
    },
  ];
}

/** During a run: deploy the service's next revision, failing as `type` says. */
export function deployFailingRevision(serviceName: string, type: WorkloadFailure['type']): void {
  const run = useRunStore.getState();
  if (isPristine(run)) return;
  const design = shownDesign(useDesignStore.getState().design, run.timeline.journal, run.nowMs);
  void applyLive(failingRevisionCommands(design, serviceName, type));
}
