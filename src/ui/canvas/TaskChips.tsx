import { memo, useCallback, useMemo } from 'react';
import { shallow } from 'zustand/shallow';
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

type Primary = Readonly<Record<string, string>>;

/** The last services record seen and what it gave: one answer for every instance's chips. */
let lastPrimary: { services: RunState['services']; primary: Primary } | undefined;

/**
 * Each service's PRIMARY deployment id, worked out once per services record rather than
 * once per instance (500 of them, on every frame), and the same object while the ids
 * are the same, so the chips re-render only when a deployment starts or ends.
 */
function primaryDeployments(services: RunState['services']): Primary {
  if (lastPrimary?.services === services) return lastPrimary.primary;
  const next: Primary = Object.fromEntries(
    Object.values(services).map((v) => [v.serviceName, v.deployments[0]?.id ?? '']),
  );
  const primary = lastPrimary && shallow(lastPrimary.primary, next) ? lastPrimary.primary : next;
  lastPrimary = { services, primary };
  return primary;
}

/** Each service's PRIMARY deployment id: what its tasks not drawn hollow were started by. */
export function usePrimaryDeployments(): Primary {
  return useRunStore((s) => primaryDeployments(s.services));
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
