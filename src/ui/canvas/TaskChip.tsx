import { type CSSProperties, type MouseEvent, memo } from 'react';
import { explainTask } from '../../store/explain';
import { useRunStore } from '../../store/run';
import { useSessionStore } from '../../store/session';
import { useServiceColor } from '../shared/use-service-color';
import { STATUS_COLORS } from '../status';

/**
 * One task on an instance: reads only its own status, so a change repaints one
 * chip. Filled by lastStatus, striped by service: two services of the same
 * initial still read apart. A click selects the task and opens "Why here?".
 */
export const TaskChip = memo(function TaskChip({ arn }: { arn: string }) {
  const status = useRunStore((s) => s.tasks[arn]?.lastStatus);
  const family = useRunStore((s) => s.tasks[arn]?.family ?? '');
  const taskId = useRunStore((s) => s.tasks[arn]?.taskId ?? '');
  const serviceName = useRunStore((s) => s.tasks[arn]?.serviceName);
  const serviceColor = useServiceColor(serviceName);
  const selected = useSessionStore((s) => s.selection?.kind === 'task' && s.selection.arn === arn);
  if (!status) return null;
  const onClick = (event: MouseEvent) => {
    // The instance node around the chip must not take the click as its own selection.
    event.stopPropagation();
    explainTask(arn);
  };
  return (
    <button
      type="button"
      className={`task-chip nodrag${selected ? ' selected' : ''}`}
      data-testid="task-chip"
      data-status={status}
      data-task-id={taskId}
      data-service={serviceName}
      data-service-color={serviceName === undefined ? undefined : serviceColor}
      // The fill says lastStatus; the stripe on the left says which service.
      style={
        { background: STATUS_COLORS[status], '--service-color': serviceColor } as CSSProperties
      }
      title={`${serviceName ? `service ${serviceName}` : family} · ${status}\ntask ${taskId}\nClick: why here?`}
      aria-label={`Task ${taskId} of ${serviceName ? `service ${serviceName}` : family}, ${status}: why here?`}
      aria-pressed={selected}
      onClick={onClick}
    >
      {family.slice(0, 1)}
    </button>
  );
});
