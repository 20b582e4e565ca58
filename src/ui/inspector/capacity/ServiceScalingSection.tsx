import { memo, useMemo, useState } from 'react';
import {
  type CreateServiceInput,
  type DesignDocument,
  type PutScheduledActionInput,
  parseSchedule,
} from '../../../design';
import { editScaling } from '../../../store/design-actions';
import {
  addStepScaling,
  albResourceLabel,
  deleteScheduledAction,
  deregisterScalableTarget,
  enableServiceScaling,
  newScheduledAction,
  putScalingPolicy,
  putScheduledAction,
  registerScalableTarget,
  scalingOf,
  targetTrackingPolicy,
} from '../../../store/edits';
import {
  deleteScheduledCommand,
  registeredTargetCommand,
  scalableTargetCommand,
  scalingPolicyCommand,
  scheduledActionCommand,
} from '../../../store/live/scaling-commands';
import { Field } from '../../forms/Field';
import { integerIn, type Validator } from '../../forms/validate';
import { firstIssue } from '../issues';
import { StepScalingCard, TargetTrackingCard } from './ScalingPolicyCards';

const tasks = integerIn(0, 10_000);

/** at(...), rate(...) or cron(...), read as Application Auto Scaling reads it (§12.4). */
const schedule: Validator<string> = (text) => {
  const value = text.trim();
  const parsed = parseSchedule(value);
  return typeof parsed === 'string' ? { ok: false, error: parsed } : { ok: true, value };
};

/** A target tracking policy on the ALB's request count when the service has one, else CPU. */
const newTracking = (d: DesignDocument, name: string) =>
  targetTrackingPolicy(
    d,
    name,
    albResourceLabel(d, name) === undefined
      ? 'ECSServiceAverageCPUUtilization'
      : 'ALBRequestCountPerTarget',
  );

function ScheduledCard({ action, testId }: { action: PutScheduledActionInput; testId: string }) {
  const put = (next: PutScheduledActionInput) =>
    firstIssue(
      editScaling(
        (d) => putScheduledAction(d, next),
        'PutScheduledAction',
        () => scheduledActionCommand(next),
      ),
    );
  const bounds = action.ScalableTargetAction;
  return (
    <li className="scaling-card" data-testid={testId}>
      <div className="scaling-card-head">
        <span className="pill">Scheduled</span>
        <strong title={action.ScheduledActionName}>{action.ScheduledActionName}</strong>
        <button
          type="button"
          className="button small danger"
          data-testid={`${testId}.delete`}
          onClick={() =>
            editScaling(
              (d) => deleteScheduledAction(d, action.ResourceId, action.ScheduledActionName),
              'DeleteScheduledAction',
              () => deleteScheduledCommand(action),
            )
          }
        >
          Delete
        </button>
      </div>
      <Field
        label="Schedule (UTC)"
        value={action.Schedule}
        validate={schedule}
        onCommit={(Schedule) => put({ ...action, Schedule })}
        testId={`${testId}.schedule`}
        hint="at(2026-01-01T08:00:00), rate(5 minutes) or cron(0 8 ? * MON-FRI *)"
      />
      <div className="field-row end">
        <Field
          label="Minimum tasks"
          inputMode="numeric"
          value={bounds.MinCapacity ?? 0}
          validate={tasks}
          onCommit={(MinCapacity) =>
            put({ ...action, ScalableTargetAction: { ...bounds, MinCapacity } })
          }
          testId={`${testId}.min`}
        />
        <Field
          label="Maximum tasks"
          inputMode="numeric"
          value={bounds.MaxCapacity ?? 0}
          validate={tasks}
          onCommit={(MaxCapacity) =>
            put({ ...action, ScalableTargetAction: { ...bounds, MaxCapacity } })
          }
          testId={`${testId}.max`}
        />
      </div>
    </li>
  );
}

/**
 * "Service auto scaling": the scalable target (min and max tasks), target tracking and
 * step scaling policies (with their alarms), and scheduled actions, as Application Auto
 * Scaling inputs in the design.
 */
export const ServiceScalingSection = memo(function ServiceScalingSection({
  design,
  service,
}: {
  design: DesignDocument;
  service: CreateServiceInput;
}) {
  const name = service.serviceName;
  const scaling = useMemo(() => scalingOf(design, name), [design, name]);
  const [error, setError] = useState<string | undefined>();
  /** A field shows its own refusal; a button's shows under the section. */
  const edit = (
    change: (d: DesignDocument) => DesignDocument,
    operation: string,
    commands?: Parameters<typeof editScaling>[2],
  ) => {
    const refusal = firstIssue(editScaling(change, operation, commands));
    setError(refusal);
    return refusal;
  };
  const { target, resourceId } = scaling;
  const key = { ServiceNamespace: 'ecs', ScalableDimension: 'ecs:service:DesiredCount' } as const;
  if (service.schedulingStrategy === 'DAEMON')
    return (
      <>
        <h3 className="inspector-section">Service auto scaling</h3>
        <p className="field-hint">A DAEMON service has no desired count to scale.</p>
      </>
    );
  return (
    <div data-testid="inspector.scaling">
      <h3 className="inspector-section">Service auto scaling</h3>
      {!target ? (
        <>
          <p className="field-hint">
            Off: the desired count stays where it is set. On: Application Auto Scaling moves it
            between a minimum and a maximum.
          </p>
          <button
            type="button"
            className="button small"
            data-testid="inspector.scaling.enable"
            onClick={() =>
              edit(
                (d) => enableServiceScaling(d, name),
                'RegisterScalableTarget',
                (after) => registeredTargetCommand(after, resourceId),
              )
            }
          >
            Use service auto scaling
          </button>
        </>
      ) : (
        <>
          <div className="field-row end">
            <Field
              label="Minimum number of tasks"
              inputMode="numeric"
              value={target.MinCapacity ?? 0}
              validate={tasks}
              onCommit={(MinCapacity) =>
                edit(
                  (d) => registerScalableTarget(d, { ...key, ResourceId: resourceId, MinCapacity }),
                  'RegisterScalableTarget',
                  () => scalableTargetCommand({ ...key, ResourceId: resourceId, MinCapacity }),
                )
              }
              testId="inspector.scaling.min"
            />
            <Field
              label="Maximum number of tasks"
              inputMode="numeric"
              value={target.MaxCapacity ?? 0}
              validate={tasks}
              onCommit={(MaxCapacity) =>
                edit(
                  (d) => registerScalableTarget(d, { ...key, ResourceId: resourceId, MaxCapacity }),
                  'RegisterScalableTarget',
                  () => scalableTargetCommand({ ...key, ResourceId: resourceId, MaxCapacity }),
                )
              }
              testId="inspector.scaling.max"
            />
          </div>
          <span className="field-label">Scaling policies</span>
          {scaling.policies.length === 0 && <p className="field-hint">None yet.</p>}
          <ul className="scaling-cards">
            {scaling.policies.map((p) =>
              (p.PolicyType ?? 'StepScaling') === 'TargetTrackingScaling' ? (
                <TargetTrackingCard
                  key={p.PolicyName}
                  design={design}
                  serviceName={name}
                  policy={p}
                  testId={`inspector.scaling.policy.${p.PolicyName}`}
                />
              ) : (
                <StepScalingCard
                  key={p.PolicyName}
                  design={design}
                  policy={p}
                  testId={`inspector.scaling.policy.${p.PolicyName}`}
                />
              ),
            )}
          </ul>
          <div className="add-row">
            <button
              type="button"
              className="button small"
              data-testid="inspector.scaling.addTargetTracking"
              onClick={() =>
                edit(
                  (d) => putScalingPolicy(d, newTracking(d, name)),
                  'PutScalingPolicy',
                  (_after, before) => scalingPolicyCommand(newTracking(before, name)),
                )
              }
            >
              + Target tracking
            </button>
            <button
              type="button"
              className="button small"
              data-testid="inspector.scaling.addStepOut"
              onClick={() => edit((d) => addStepScaling(d, name, 'out').design, 'PutScalingPolicy')}
            >
              + Step out
            </button>
            <button
              type="button"
              className="button small"
              data-testid="inspector.scaling.addStepIn"
              onClick={() => edit((d) => addStepScaling(d, name, 'in').design, 'PutScalingPolicy')}
            >
              + Step in
            </button>
          </div>
          <span className="field-label">Scheduled actions</span>
          <ul className="scaling-cards">
            {scaling.scheduled.map((s) => (
              <ScheduledCard
                key={s.ScheduledActionName}
                action={s}
                testId={`inspector.scaling.scheduled.${s.ScheduledActionName}`}
              />
            ))}
          </ul>
          <div className="add-row">
            <button
              type="button"
              className="button small"
              data-testid="inspector.scaling.addScheduled"
              onClick={() =>
                edit(
                  (d) => putScheduledAction(d, newScheduledAction(d, name)),
                  'PutScheduledAction',
                  (_after, before) => scheduledActionCommand(newScheduledAction(before, name)),
                )
              }
            >
              + Scheduled action
            </button>
            <button
              type="button"
              className="button small danger"
              data-testid="inspector.scaling.disable"
              onClick={() =>
                edit((d) => deregisterScalableTarget(d, resourceId), 'DeregisterScalableTarget')
              }
            >
              Turn off auto scaling
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="inspector.scaling.error">
          {error}
        </p>
      )}
    </div>
  );
});
