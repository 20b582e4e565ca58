import { memo } from 'react';
import type { ServiceView } from '../../engine';

const LABEL = { OK: 'OK', ALARM: 'In alarm', INSUFFICIENT_DATA: 'No data yet' } as const;

/**
 * The CloudWatch alarms a service's deployments watch, with their state now (§9.2): one
 * in ALARM during a deployment fails it. The reason is CloudWatch's StateReason.
 */
export const AlarmStates = memo(function AlarmStates({
  alarms,
}: {
  alarms: NonNullable<ServiceView['alarms']>;
}) {
  return (
    <ul className="alarm-states" data-testid="inspector.alarms">
      {alarms.map((a) => (
        <li
          key={a.alarmName}
          className={`alarm-state alarm-${a.state.toLowerCase()}`}
          title={a.reason}
          data-testid={`inspector.alarm.${a.alarmName}`}
          data-state={a.state}
        >
          <span className="alarm-dot" aria-hidden="true" />
          <span className="alarm-name">{a.alarmName}</span>
          <span className="alarm-value">{LABEL[a.state]}</span>
        </li>
      ))}
    </ul>
  );
});
