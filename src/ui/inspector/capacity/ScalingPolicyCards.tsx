import { memo } from 'react';
import type {
  DesignDocument,
  PutScalingPolicyInput,
  StepAdjustment,
  StepScalingConfiguration,
  TargetTrackingConfiguration,
} from '../../../design';
import { editScaling } from '../../../store/design-actions';
import {
  alarmsOfPolicy,
  albResourceLabel,
  DEFAULT_TARGET_VALUE,
  deleteScalingPolicy,
  type PredefinedMetricType,
  putScalingPolicy,
} from '../../../store/edits';
import { deletePolicyCommand, scalingPolicyCommand } from '../../../store/live/scaling-commands';
import { CheckField, SelectField } from '../../forms/ChoiceFields';
import { Field } from '../../forms/Field';
import { integerIn, numberIn, optionalNumber } from '../../forms/validate';
import { firstIssue } from '../issues';
import { AlarmEditor } from './AlarmEditor';

const seconds = integerIn(0, 86_400, 's');
const targetValue = numberIn(0.001, 1e9);
const adjustment = integerIn(-10_000, 10_000);

const put = (policy: PutScalingPolicyInput) =>
  firstIssue(
    editScaling(
      (d) => putScalingPolicy(d, policy),
      'PutScalingPolicy',
      () => scalingPolicyCommand(policy),
    ),
  );

function DeletePolicy({ policy, testId }: { policy: PutScalingPolicyInput; testId: string }) {
  return (
    <button
      type="button"
      className="button small danger"
      data-testid={`${testId}.delete`}
      onClick={() =>
        editScaling(
          (d) => deleteScalingPolicy(d, policy.ResourceId, policy.PolicyName),
          'DeleteScalingPolicy',
          () => deletePolicyCommand(policy),
        )
      }
    >
      Delete
    </button>
  );
}

const METRICS: readonly { value: PredefinedMetricType; label: string }[] = [
  { value: 'ECSServiceAverageCPUUtilization', label: 'Average CPU utilization' },
  { value: 'ECSServiceAverageMemoryUtilization', label: 'Average memory utilization' },
  { value: 'ALBRequestCountPerTarget', label: 'ALB request count per target' },
];

/** A target tracking policy: the metric, its target value, cooldowns and scale-in (§12.2). */
export const TargetTrackingCard = memo(function TargetTrackingCard({
  design,
  serviceName,
  policy,
  testId,
}: {
  design: DesignDocument;
  serviceName: string;
  policy: PutScalingPolicyInput;
  testId: string;
}) {
  const config = policy.TargetTrackingScalingPolicyConfiguration;
  if (!config) return null;
  const metric = config.PredefinedMetricSpecification?.PredefinedMetricType;
  const label = albResourceLabel(design, serviceName);
  const edit = (patch: Partial<TargetTrackingConfiguration>) =>
    put({ ...policy, TargetTrackingScalingPolicyConfiguration: { ...config, ...patch } });
  const setMetric = (type: string) => {
    const m = type as PredefinedMetricType;
    const spec =
      m === 'ALBRequestCountPerTarget' && label !== undefined
        ? { PredefinedMetricType: m, ResourceLabel: label }
        : { PredefinedMetricType: m };
    return edit({ PredefinedMetricSpecification: spec, TargetValue: DEFAULT_TARGET_VALUE[m] });
  };
  return (
    <li className="scaling-card" data-testid={testId}>
      <div className="scaling-card-head">
        <span className="pill">Target tracking</span>
        <strong title={policy.PolicyName}>{policy.PolicyName}</strong>
        <DeletePolicy policy={policy} testId={testId} />
      </div>
      {metric ? (
        <SelectField
          label="ECS service metric"
          value={metric}
          options={METRICS.map((m) => ({
            ...m,
            disabled: m.value === 'ALBRequestCountPerTarget' && label === undefined,
          }))}
          onCommit={setMetric}
          testId={`${testId}.metric`}
          hint={
            metric === 'ALBRequestCountPerTarget'
              ? `ResourceLabel ${config.PredefinedMetricSpecification?.ResourceLabel ?? '(none)'}`
              : label === undefined
                ? 'Request count per target needs the service behind an ALB target group.'
                : undefined
          }
        />
      ) : (
        <p className="field-hint">
          Custom metric {config.CustomizedMetricSpecification?.MetricName}: edit it in the JSON.
        </p>
      )}
      <Field
        label="Target value"
        unit={metric === 'ALBRequestCountPerTarget' ? '' : '%'}
        value={config.TargetValue}
        validate={targetValue}
        onCommit={(TargetValue) => edit({ TargetValue })}
        testId={`${testId}.targetValue`}
      />
      <div className="field-row end">
        <Field
          label="Scale-out cooldown"
          unit="s"
          inputMode="numeric"
          value={config.ScaleOutCooldown ?? 300}
          validate={seconds}
          onCommit={(ScaleOutCooldown) => edit({ ScaleOutCooldown })}
          testId={`${testId}.scaleOutCooldown`}
        />
        <Field
          label="Scale-in cooldown"
          unit="s"
          inputMode="numeric"
          value={config.ScaleInCooldown ?? 300}
          validate={seconds}
          onCommit={(ScaleInCooldown) => edit({ ScaleInCooldown })}
          testId={`${testId}.scaleInCooldown`}
        />
      </div>
      <CheckField
        label="Turn off scale-in"
        checked={config.DisableScaleIn === true}
        onCommit={(DisableScaleIn) => edit({ DisableScaleIn })}
        testId={`${testId}.disableScaleIn`}
      />
    </li>
  );
});

const boundText = (n: number | undefined) => (n === undefined ? '' : String(n));

/** One more step past the open end: above the last (scale-out) or below the first (scale-in). */
function extraStep(steps: readonly StepAdjustment[]): StepAdjustment[] {
  const openUpper = steps.find((s) => s.MetricIntervalUpperBound === undefined);
  if (openUpper) {
    const from = openUpper.MetricIntervalLowerBound ?? 0;
    return [
      ...steps.map((s) => (s === openUpper ? { ...s, MetricIntervalUpperBound: from + 10 } : s)),
      { MetricIntervalLowerBound: from + 10, ScalingAdjustment: openUpper.ScalingAdjustment + 1 },
    ];
  }
  const openLower = steps.find((s) => s.MetricIntervalLowerBound === undefined);
  if (!openLower) return [...steps];
  const to = openLower.MetricIntervalUpperBound ?? 0;
  return [
    ...steps.map((s) => (s === openLower ? { ...s, MetricIntervalLowerBound: to - 10 } : s)),
    { MetricIntervalUpperBound: to - 10, ScalingAdjustment: openLower.ScalingAdjustment - 1 },
  ];
}

const ADJUSTMENT_TYPES = [
  { value: 'ChangeInCapacity', label: 'Add / remove tasks' },
  { value: 'PercentChangeInCapacity', label: 'Percent of tasks' },
  { value: 'ExactCapacity', label: 'Set to exactly' },
] as const;

/** A step scaling policy, its steps (offsets from the alarm's threshold) and the alarm itself. */
export const StepScalingCard = memo(function StepScalingCard({
  design,
  policy,
  testId,
}: {
  design: DesignDocument;
  policy: PutScalingPolicyInput;
  testId: string;
}) {
  const config = policy.StepScalingPolicyConfiguration;
  if (!config) return null;
  const edit = (patch: Partial<StepScalingConfiguration>) =>
    put({ ...policy, StepScalingPolicyConfiguration: { ...config, ...patch } });
  const steps = config.StepAdjustments;
  const setStep = (i: number, patch: Partial<StepAdjustment>) =>
    edit({
      StepAdjustments: steps.map((s, j) => {
        if (j !== i) return s;
        const next: StepAdjustment = { ...s };
        for (const [k, v] of Object.entries(patch) as [keyof StepAdjustment, number | undefined][])
          if (v === undefined) delete next[k];
          else next[k] = v;
        return next;
      }),
    });
  const bound = (text: string) => (text === '' ? undefined : Number(text));
  const alarms = alarmsOfPolicy(design, policy);
  return (
    <li className="scaling-card" data-testid={testId}>
      <div className="scaling-card-head">
        <span className="pill">Step scaling</span>
        <strong title={policy.PolicyName}>{policy.PolicyName}</strong>
        <DeletePolicy policy={policy} testId={testId} />
      </div>
      <SelectField
        label="Adjustment type"
        value={config.AdjustmentType}
        options={ADJUSTMENT_TYPES}
        onCommit={(t) => edit({ AdjustmentType: t as StepScalingConfiguration['AdjustmentType'] })}
        testId={`${testId}.adjustmentType`}
      />
      <Field
        label="Cooldown"
        unit="s"
        inputMode="numeric"
        value={config.Cooldown ?? 300}
        validate={seconds}
        onCommit={(Cooldown) => edit({ Cooldown })}
        testId={`${testId}.cooldown`}
      />
      <span className="field-label">Steps (from the alarm threshold; empty = no bound)</span>
      <ol className="step-rows">
        {steps.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a step's place is what its edit names
          <li key={i} className="step-row">
            <Field
              label="Lower"
              value={boundText(s.MetricIntervalLowerBound)}
              validate={optionalNumber}
              onCommit={(t) => setStep(i, { MetricIntervalLowerBound: bound(t) })}
              testId={`${testId}.step.${i}.lower`}
            />
            <Field
              label="Upper"
              value={boundText(s.MetricIntervalUpperBound)}
              validate={optionalNumber}
              onCommit={(t) => setStep(i, { MetricIntervalUpperBound: bound(t) })}
              testId={`${testId}.step.${i}.upper`}
            />
            <Field
              label="Adjust"
              inputMode="numeric"
              value={s.ScalingAdjustment}
              validate={adjustment}
              onCommit={(ScalingAdjustment) => setStep(i, { ScalingAdjustment })}
              testId={`${testId}.step.${i}.adjustment`}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove step ${i + 1}`}
              disabled={steps.length <= 1}
              onClick={() => edit({ StepAdjustments: steps.filter((_, j) => j !== i) })}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button small"
        data-testid={`${testId}.addStep`}
        onClick={() => edit({ StepAdjustments: extraStep(steps) })}
      >
        + step
      </button>
      {alarms.map((a) => (
        <div key={a.AlarmName} className="scaling-alarm">
          <span className="field-label">
            Alarm <strong>{a.AlarmName}</strong>
          </span>
          <AlarmEditor alarm={a} testId={`${testId}.alarm`} />
        </div>
      ))}
    </li>
  );
});
