import type { NodeProps } from '@xyflow/react';
import { memo, useCallback, useMemo } from 'react';
import type { TaskView } from '../../engine';
import type { RunState } from '../../store/run';
import { useSessionStore } from '../../store/session';
import type { FargateLaneNode } from './capacity-nodes';
import { fargateIndexOf, fargateLaneId, isSpotTask } from './fargate-tasks';
import { usePaintedRun } from './paint-budget';
import { TaskChip } from './TaskChip';
import { usePrimaryDeployments, useServiceColors } from './TaskChips';

const NO_TASKS: readonly TaskView[] = [];

interface ChipGroup {
  key: string;
  label: string;
  serviceName: string | undefined;
  spot: boolean;
  tasks: TaskView[];
}

/** The lane's tasks (already in service, Spot, age order) as runs of one service and market. */
function chipGroups(tasks: readonly TaskView[]): ChipGroup[] {
  const groups: ChipGroup[] = [];
  for (const task of tasks) {
    const spot = isSpotTask(task);
    const label = task.serviceName ?? task.family;
    const last = groups[groups.length - 1];
    if (last && last.label === label && last.spot === spot) last.tasks.push(task);
    else
      groups.push({
        key: `${label}|${spot}`,
        label,
        serviceName: task.serviceName,
        spot,
        tasks: [task],
      });
  }
  return groups;
}

/**
 * A zone's Fargate capacity in one cluster: the tasks that run there on no instance,
 * grouped by service, Spot tasks apart and marked. Painted on the canvas's budget.
 */
export const FargateLaneNodeView = memo(function FargateLaneNodeView({
  data,
}: NodeProps<FargateLaneNode>) {
  const id = fargateLaneId(data.cluster, data.az);
  const tasks = usePaintedRun(
    useCallback((s: RunState) => fargateIndexOf(s.tasks).lanes[id] ?? NO_TASKS, [id]),
  );
  const groups = useMemo(() => chipGroups(tasks), [tasks]);
  const colorOf = useServiceColors();
  const primary = usePrimaryDeployments();
  const selectedArn = useSessionStore((s) =>
    s.selection?.kind === 'task' ? s.selection.arn : undefined,
  );
  return (
    <div
      className="lane fargate-lane"
      data-testid={`canvas.fargate.${data.az}`}
      data-cluster={data.cluster}
    >
      <header className="lane-header">
        <span className="lane-title">Fargate · {data.az}</span>
        <span className="lane-meta">
          {tasks.length} {tasks.length === 1 ? 'task' : 'tasks'}
        </span>
      </header>
      {groups.length === 0 ? (
        <div className="fargate-empty">No Fargate tasks in this zone</div>
      ) : (
        groups.map((g) => (
          <div
            key={g.key}
            className="fargate-group"
            data-testid={`fargate.group.${g.label}`}
            data-spot={g.spot || undefined}
          >
            <div className="fargate-group-label">
              <span className="fargate-swatch" style={{ background: colorOf(g.serviceName) }} />
              <span className="fargate-group-name">{g.label}</span>
              {g.spot && <span className="spot-tag">Spot</span>}
              <span className="fargate-group-count">{g.tasks.length}</span>
            </div>
            <div className="chips fargate-chips">
              {g.tasks.map((task) => (
                <TaskChip
                  key={task.taskArn}
                  task={task}
                  serviceColor={colorOf(task.serviceName)}
                  selected={task.taskArn === selectedArn}
                  spot={g.spot}
                  older={
                    task.serviceName !== undefined &&
                    task.startedBy !== undefined &&
                    primary[task.serviceName] !== task.startedBy
                  }
                />
              ))}
            </div>
          </div>
        ))
      )}
    </div>
  );
});
