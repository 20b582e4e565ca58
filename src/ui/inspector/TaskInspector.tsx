import { memo } from 'react';
import { useRunStore } from '../../store/run';
import { select } from '../../store/session';
import { formatClock } from '../format';
import { STATUS_COLORS } from '../status';
import { WhyFor } from '../why/WhyFor';

/** A task of the run, as DescribeTasks would show it, and why it sits where it does. */
export const TaskInspector = memo(function TaskInspector({ arn }: { arn: string }) {
  const task = useRunStore((s) => s.tasks[arn]);
  if (!task) {
    return (
      <div className="inspector-body" data-testid="inspector.task">
        <p className="inspector-note">This task is no longer in the simulation.</p>
      </div>
    );
  }
  const instance = task.ec2InstanceId;
  return (
    <div className="inspector-body" data-testid="inspector.task">
      <header className="inspector-head">
        <span className="node-kind task">Task</span>
        <h2 title={task.taskArn}>{task.taskId}</h2>
      </header>
      <dl className="facts" data-testid="inspector.task.facts">
        <dt>Group</dt>
        <dd>{task.group}</dd>
        <dt>Task definition</dt>
        <dd>
          {task.family}:{task.revision} · {task.cpu} CPU · {task.memoryMiB} MiB
        </dd>
        <dt>Status</dt>
        <dd data-testid="inspector.task.status">
          <span className="legend-swatch" style={{ background: STATUS_COLORS[task.lastStatus] }} />{' '}
          {task.lastStatus} <span className="why-muted">→ desired {task.desiredStatus}</span>
        </dd>
        <dt>Instance</dt>
        <dd>
          {instance ? (
            <button
              type="button"
              className="link-button"
              onClick={() => select({ kind: 'instance', id: instance })}
            >
              {instance}
            </button>
          ) : (
            '–'
          )}
        </dd>
        <dt>Zone</dt>
        <dd>{task.availabilityZone ?? '–'}</dd>
        <dt>Started</dt>
        <dd>{task.startedAtMs === undefined ? '–' : `at ${formatClock(task.startedAtMs)}`}</dd>
        {task.stopCode && (
          <>
            <dt>Stop code</dt>
            <dd>{task.stopCode}</dd>
          </>
        )}
        {task.stoppedReason && (
          <>
            <dt>Stopped reason</dt>
            <dd>{task.stoppedReason}</dd>
          </>
        )}
      </dl>
      <WhyFor kind="task" arn={arn} group={task.group} />
    </div>
  );
});
