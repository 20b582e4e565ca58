import { memo } from 'react';
import type { PaletteLaunchType } from '../../store/edits/palette';

const LAUNCH_TYPES: readonly PaletteLaunchType[] = ['EC2', 'FARGATE', 'EXTERNAL'];

/** Where a service's or a task's tasks run: EC2 instances, Fargate, or external instances. */
export const LaunchTypeSelect = memo(function LaunchTypeSelect({
  id,
  testId,
  value,
  onChange,
}: {
  id: string;
  testId: string;
  value: PaletteLaunchType;
  onChange: (value: PaletteLaunchType) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Launch type</label>
      <select
        id={id}
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(LAUNCH_TYPES.find((t) => t === e.target.value) ?? 'EC2')}
      >
        {LAUNCH_TYPES.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
    </div>
  );
});
