import { type MouseEvent, memo } from 'react';
import { explainTask } from '../../store/explain';
import { useRunStore } from '../../store/run';
import { useSessionStore } from '../../store/session';
import { STATUS_COLORS } from '../status';

/**
 * One task on an instance: reads only its own status, so a change repaints one
 * chip. A click selects the task and opens "Why here?".
 */
export const TaskChip = memo(function TaskChip({ arn }: { arn: string }) {
  const status = useRunStore((s) => s.tasks[arn]?.lastStatus);
  const family = useRunStore((s) => s.tasks[arn]?.family ?? '');
  const taskId = useRunStore((s) => s.tasks[arn]?.taskId ?? '');
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
      style={{ background: STATUS_COLORS[status] }}
      title={`${family} · ${status}\ntask ${taskId}\nClick: why here?`}
      aria-label={`Task ${taskId} of ${family}, ${status}: why here?`}
      aria-pressed={selected}
      onClick={onClick}
    >
      {family.slice(0, 1)}
    </button>
  );
});
