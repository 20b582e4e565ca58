import { memo } from 'react';
import type { AlarmProgress } from '../../engine';
import { alarmLabel, breaches, datapointText, operatorSymbol } from './words';

/**
 * One alarm's evaluation window, oldest first: each period's value, the breaching ones
 * marked, and how many of the DatapointsToAlarm it needs it has so far.
 */
export const AlarmDatapoints = memo(function AlarmDatapoints({ alarm }: { alarm: AlarmProgress }) {
  const state = alarm.state.toLowerCase().replace('_', '-');
  return (
    <li className="scaling-alarm" data-testid="scaling.alarm" data-state={alarm.state}>
      <div className="scaling-alarm-head">
        <span className="scaling-alarm-name" title={alarm.alarmName}>
          {alarmLabel(alarm.alarmName)}
        </span>
        <span className={`scaling-state ${state}`}>{alarm.state}</span>
      </div>
      <div className="scaling-alarm-rule">
        {operatorSymbol(alarm.comparisonOperator)} {datapointText(alarm.threshold)}:{' '}
        <strong data-testid="scaling.alarm.breaching">
          {alarm.breaching} of {alarm.datapointsToAlarm}
        </strong>{' '}
        datapoints breaching
        {alarm.evaluationPeriods !== alarm.datapointsToAlarm &&
          ` (of the last ${alarm.evaluationPeriods})`}
      </div>
      <ol className="scaling-datapoints" aria-label="Datapoints, oldest first">
        {alarm.datapoints.map((v, i) => {
          const hit = v !== null && breaches(alarm.comparisonOperator, v, alarm.threshold);
          return (
            <li
              // Positions in a sliding window: the index is the identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: a window's slots
              key={i}
              className={`scaling-datapoint${hit ? ' breaching' : ''}${v === null ? ' missing' : ''}`}
              data-testid="scaling.datapoint"
            >
              {datapointText(v)}
            </li>
          );
        })}
      </ol>
    </li>
  );
});
