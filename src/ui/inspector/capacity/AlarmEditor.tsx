import { memo } from 'react';
import type { MetricAlarm } from '../../../design';
import { editScaling } from '../../../store/design-actions';
import { putMetricAlarm } from '../../../store/edits';
import { SelectField } from '../../forms/ChoiceFields';
import { Field } from '../../forms/Field';
import { integerIn, numberIn, requiredText } from '../../forms/validate';
import { firstIssue } from '../issues';

const COMPARISONS = [
  { value: 'GreaterThanThreshold', label: '> Greater than' },
  { value: 'GreaterThanOrEqualToThreshold', label: '>= Greater or equal' },
  { value: 'LessThanThreshold', label: '< Less than' },
  { value: 'LessThanOrEqualToThreshold', label: '<= Less or equal' },
] as const;
const STATISTICS = ['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount'].map((value) => ({
  value,
}));

const period = integerIn(60, 86_400, 's');
const periods = integerIn(1, 100);
const threshold = numberIn(-1e12, 1e12);

/** One CloudWatch alarm (PutMetricAlarm input): metric, statistic, period, threshold, datapoints. */
export const AlarmEditor = memo(function AlarmEditor({
  alarm,
  testId,
}: {
  alarm: MetricAlarm;
  testId: string;
}) {
  const put = (patch: Partial<MetricAlarm>) =>
    firstIssue(editScaling((d) => putMetricAlarm(d, { ...alarm, ...patch }), 'PutMetricAlarm'));
  return (
    <div className="alarm-editor" data-testid={testId}>
      <Field
        label="Namespace"
        value={alarm.Namespace}
        validate={requiredText}
        onCommit={(Namespace) => put({ Namespace })}
        testId={`${testId}.namespace`}
      />
      <Field
        label="Metric name"
        value={alarm.MetricName}
        validate={requiredText}
        onCommit={(MetricName) => put({ MetricName })}
        testId={`${testId}.metric`}
      />
      <div className="field-row end">
        <SelectField
          label="Statistic"
          value={alarm.Statistic}
          options={STATISTICS}
          onCommit={(s) => put({ Statistic: s as MetricAlarm['Statistic'] })}
          testId={`${testId}.statistic`}
        />
        <Field
          label="Period"
          unit="s"
          inputMode="numeric"
          value={alarm.Period}
          validate={period}
          onCommit={(Period) => put({ Period })}
          testId={`${testId}.period`}
        />
      </div>
      <div className="field-row end">
        <SelectField
          label="Condition"
          value={alarm.ComparisonOperator}
          options={COMPARISONS}
          onCommit={(c) => put({ ComparisonOperator: c as MetricAlarm['ComparisonOperator'] })}
          testId={`${testId}.comparison`}
        />
        <Field
          label="Threshold"
          value={alarm.Threshold}
          validate={threshold}
          onCommit={(Threshold) => put({ Threshold })}
          testId={`${testId}.threshold`}
        />
      </div>
      <div className="field-row end">
        <Field
          label="Evaluation periods"
          inputMode="numeric"
          value={alarm.EvaluationPeriods}
          validate={periods}
          onCommit={(EvaluationPeriods) => put({ EvaluationPeriods })}
          testId={`${testId}.evaluationPeriods`}
        />
        <Field
          label="Datapoints to alarm"
          inputMode="numeric"
          value={alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods}
          validate={periods}
          onCommit={(DatapointsToAlarm) => put({ DatapointsToAlarm })}
          testId={`${testId}.datapoints`}
        />
      </div>
    </div>
  );
});
