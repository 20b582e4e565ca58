import { type CSSProperties, type MouseEvent, memo } from 'react';
import type { TaskView } from '../../engine';
import { explainTask } from '../../store/explain';
import { STATUS_COLORS } from '../status';

/**
 * One task on an instance, drawn from its view: memoised, so a change repaints
 * only the chips whose task changed. Filled by lastStatus, striped by service:
 * two services of the same initial still read apart. A click selects the task
 * and opens "Why here?".
 */
export const TaskChip = memo(function TaskChip({
  task,
  serviceColor,
  selected,
  older = false,
  spot = false,
}: {
  task: TaskView;
  serviceColor: string;
  selected: boolean;
  /** Started by a deployment the service is replacing: drawn hollow. */
  older?: boolean;
  /** On Fargate Spot: it may be interrupted with two minutes' warning. */
  spot?: boolean;
}) {
  const { taskArn, taskId, family, serviceName, lastStatus: status, healthStatus } = task;
  const onClick = (event: MouseEvent) => {
    // The instance node around the chip must not take the click as its own selection.
    event.stopPropagation();
    explainTask(taskArn);
  };
  return (
    <button
      type="button"
      className={`task-chip nodrag${selected ? ' selected' : ''}${older ? ' older' : ''}${spot ? ' spot' : ''}`}
      data-testid="task-chip"
      data-status={status}
      data-health={healthStatus}
      data-target={task.targetHealth}
      data-revision={task.revision}
      data-older={older || undefined}
      data-spot={spot || undefined}
      data-task-id={taskId}
      data-service={serviceName}
      data-service-color={serviceName === undefined ? undefined : serviceColor}
      // The fill says lastStatus; the stripe on the left says which service.
      style={
        { background: STATUS_COLORS[status], '--service-color': serviceColor } as CSSProperties
      }
      title={`${serviceName ? `service ${serviceName} · ` : ''}${family}:${task.revision} · ${status}${healthStatus === 'UNKNOWN' ? '' : ` · ${healthStatus}`}${task.targetHealth ? ` · target ${task.targetHealth}` : ''}${older ? ' · being replaced' : ''}${spot ? ' · Fargate Spot' : ''}\ntask ${taskId}\nClick: why here?`}
      aria-label={`Task ${taskId} of ${serviceName ? `service ${serviceName}` : family}, ${status}: why here?`}
      aria-pressed={selected}
      onClick={onClick}
    >
      {family.slice(0, 1)}
    </button>
  );
});
