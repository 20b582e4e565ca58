import { memo } from 'react';
import { useRunStore } from '../../store/run';
import { STATUS_COLORS } from '../status';

/** One task on an instance: reads only its own status, so a change repaints one chip. */
export const TaskChip = memo(function TaskChip({ arn }: { arn: string }) {
  const status = useRunStore((s) => s.tasks[arn]?.lastStatus);
  const family = useRunStore((s) => s.tasks[arn]?.family ?? '');
  const taskId = useRunStore((s) => s.tasks[arn]?.taskId ?? '');
  if (!status) return null;
  return (
    <span
      className="task-chip"
      data-testid="task-chip"
      data-status={status}
      style={{ background: STATUS_COLORS[status] }}
      title={`${family} · ${status}\ntask ${taskId}`}
    >
      {family.slice(0, 1)}
    </span>
  );
});
