import { memo, useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TaskView } from '../../engine';
import { useDesignStore } from '../../store/design';
import { type RunState, useRunStore } from '../../store/run';
import { useSessionStore } from '../../store/session';
import { NO_SERVICE_COLOR, serviceColor } from '../shared/service-colors';
import { usePaintedRun } from './paint-budget';
import { TaskChip } from './TaskChip';

const NO_TASKS: readonly TaskView[] = [];

/** Each service's colour by its first place in the design, as useServiceColor gives it. */
export function useServiceColors(): (serviceName: string | undefined) => string {
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

/** Each service's PRIMARY deployment id: what its tasks not drawn hollow were started by. */
export function usePrimaryDeployments(): Readonly<Record<string, string>> {
  return useRunStore(
    useShallow((s) =>
      Object.fromEntries(
        Object.values(s.services).map((v) => [v.serviceName, v.deployments[0]?.id ?? '']),
      ),
    ),
  );
}

/**
 * The chips of one instance. One subscription for the whole list, painted on
 * the canvas's budget (paint-budget.ts): 2,000 tasks changing in one frame
 * repaint over a few frames instead of in one long task.
 */
export const TaskChips = memo(function TaskChips({
  ec2InstanceId,
  emptyText,
}: {
  ec2InstanceId: string;
  emptyText: string;
}) {
  const select = useCallback(
    (s: RunState) => s.instanceTasks[ec2InstanceId] ?? NO_TASKS,
    [ec2InstanceId],
  );
  const tasks = usePaintedRun(select);
  const colorOf = useServiceColors();
  const primary = usePrimaryDeployments();
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
            older={
              task.serviceName !== undefined &&
              task.startedBy !== undefined &&
              primary[task.serviceName] !== task.startedBy
            }
          />
        ))
      )}
    </div>
  );
});
