import { memo } from 'react';
import { SPEEDS, useRunStore } from '../../store/run';
import { setSpeed } from '../../store/sim-control';

/** Virtual seconds per wall second; frames stay at the same rate whatever the speed. */
export const SpeedSelect = memo(function SpeedSelect() {
  const speed = useRunStore((s) => s.speed);
  return (
    <label className="speed">
      <span>Speed</span>
      <select
        data-testid="dock.speed"
        value={speed}
        onChange={(e) => setSpeed(Number(e.target.value))}
      >
        {SPEEDS.map((x) => (
          <option key={x} value={x}>
            {x}×
          </option>
        ))}
      </select>
    </label>
  );
});
