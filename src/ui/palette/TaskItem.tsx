import { useReactFlow } from '@xyflow/react';
import { memo, useId, useState } from 'react';
import { fargateSizeFor } from '../../store/edits/palette';
import { setNewTask, usePaletteForms } from '../../store/palette-actions';
import { isPristine, useRunStore } from '../../store/run';
import type { BerthNode } from '../canvas/flow-nodes';
import { Field } from '../forms/Field';
import { integerIn } from '../forms/validate';
import { ContainerFields } from './ContainerFields';
import { addAtCentre } from './drop-at';
import { LaunchTypeSelect } from './LaunchTypeSelect';
import { writePaletteDrag } from './palette-drag';

/** RunTask takes 1 to 10 tasks a call (ecs-behavior §4.7). */
const taskCount = integerIn(1, 10);

/**
 * A standalone task: RunTask of a family (its latest revision, or a new one from these
 * fields). On a running cluster it starts now; before the run, at 0:00 by the script.
 */
export const TaskItem = memo(function TaskItem() {
  const task = useSessionTask();
  const running = useRunStore((s) => !isPristine(s));
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const fields = useId();
  const flow = useReactFlow<BerthNode>();
  const blocker = Object.entries(errors)[0];
  const blockedText = blocker && `Fix ${blocker[0]} to run this task: ${blocker[1]}`;
  const onError = (label: string) => (error: string | undefined) =>
    setErrors(({ [label]: _old, ...rest }) => (error ? { ...rest, [label]: error } : rest));
  const size = task.launchType === 'FARGATE' ? fargateSizeFor(task.cpu, task.memoryMiB) : undefined;

  return (
    <div className="palette-form">
      <h4 className="palette-subtitle">Standalone task</h4>
      <button
        type="button"
        className={`palette-item palette-card task${blocker ? ' blocked' : ''}`}
        data-testid="palette.task"
        draggable={!blocker}
        aria-disabled={blocker !== undefined}
        onDragStart={(event) => {
          if (blocker) event.preventDefault();
          else writePaletteDrag(event.dataTransfer, 'task');
        }}
        onClick={() => {
          if (!blocker) addAtCentre(flow, { kind: 'task' });
        }}
        title={
          blockedText ??
          (running
            ? 'Drop into a cluster (or press Enter): RunTask now'
            : 'Drop into a cluster (or press Enter): RunTask at 0:00, in the script')
        }
      >
        <span className="palette-icon task">RUN</span>
        <span className="palette-text">
          <strong>
            {task.family} ×{task.count}
          </strong>
          <small>
            RunTask · {task.launchType}
            {size ? ` · ${size.cpu}/${size.memoryMiB}` : ''} · {running ? 'now' : 'at 0:00'}
          </small>
        </span>
        <span className="palette-grip" aria-hidden="true">
          ⠿
        </span>
      </button>
      {blockedText && (
        <p className="palette-blocked" role="status" data-testid="palette.task.blocked">
          {blockedText}
        </p>
      )}
      <button
        type="button"
        className="palette-more"
        aria-expanded={open}
        aria-controls={fields}
        data-testid="palette.task.options"
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide task options' : 'Task options…'}
      </button>
      <div id={fields} hidden={!open} className="palette-fields">
        <ContainerFields
          values={task}
          testIdPrefix="palette.task"
          familyHint="An existing family runs its latest revision; a new one is registered."
          onCommit={setNewTask}
          onErrorChange={(field, error) => onError(field)(error)}
        />
        <div className="field-row">
          <Field
            label="Count"
            inputMode="numeric"
            value={task.count}
            validate={taskCount}
            onCommit={(count) => setNewTask({ count })}
            commitOn="change"
            testId="palette.task.count"
            onErrorChange={onError('Count')}
          />
          <LaunchTypeSelect
            id="palette-task-launch"
            testId="palette.task.launchType"
            value={task.launchType}
            onChange={(launchType) => setNewTask({ launchType })}
          />
        </div>
      </div>
    </div>
  );
});

function useSessionTask() {
  return usePaletteForms((s) => s.task);
}
