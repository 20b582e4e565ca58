import { memo } from 'react';
import { useDesignStore } from '../../store/design';
import { useRunStore } from '../../store/run';
import { formatClock, isoAt } from '../format';

/** Virtual time since the run began, and the date-time it stands for. */
export const Clock = memo(function Clock() {
  const nowMs = useRunStore((s) => s.nowMs);
  const startTime = useDesignStore((s) => s.design.startTime);
  return (
    <div className="clock" data-testid="dock.clock" data-now-ms={nowMs}>
      <span className="clock-elapsed" data-testid="dock.clock.elapsed">
        {formatClock(nowMs)}
      </span>
      <span className="clock-iso" data-testid="dock.clock.iso">
        {isoAt(startTime, nowMs)}
      </span>
    </div>
  );
});
