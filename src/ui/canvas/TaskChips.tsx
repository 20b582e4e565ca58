import { memo, useMemo } from 'react';
import type { TaskView } from '../../engine';
import { useDesignStore } from '../../store/design';
import { useRunStore } from '../../store/run';
import { useSessionStore } from '../../store/session';
import { NO_SERVICE_COLOR, serviceColor } from '../shared/service-colors';
import { TaskChip } from './TaskChip';

const NO_TASKS: readonly TaskView[] = [];

/** Each service's colour by its first place in the design, as useServiceColor gives it. */
function useServiceColors(): (serviceName: string | undefined) => string {
  const services = useDesignStore((s) => s.design.services);
  return useMemo(() => {
    const colors = new Map<string, string>();
    services.forEach(({ serviceName }, i) => {
      if (!colors.has(serviceName)) colors.set(serviceName, serviceColor(i));
    });
    return (name) =>
      name === undefined ? NO_SERVICE_COLOR : (colors.get(name) ?? NO_SERVICE_COLOR);
  }, [services]);
}

/**
 * The chips of one instance: one subscription for the whole list, instead of
 * four per chip that every frame's store update had to run 2,000 times.
 */
export const TaskChips = memo(function TaskChips({
  ec2InstanceId,
  emptyText,
}: {
  ec2InstanceId: string;
  emptyText: string;
}) {
  const tasks = useRunStore((s) => s.instanceTasks[ec2InstanceId]) ?? NO_TASKS;
  const colorOf = useServiceColors();
  const selectedArn = useSessionStore((s) =>
    s.selection?.kind === 'task' ? s.selection.arn : undefined,
  );
  return (
    <div className="chips" data-testid="instance.tasks">
      {tasks.length === 0 ? (
        <span className="chips-empty">{emptyText}</span>
      ) : (
        tasks.map((task) => (
          <TaskChip
            key={task.taskArn}
            task={task}
            serviceColor={colorOf(task.serviceName)}
            selected={task.taskArn === selectedArn}
          />
        ))
      )}
    </div>
  );
});
