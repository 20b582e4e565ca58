import { type MouseEvent, memo } from 'react';
import { explainService } from '../../store/explain';
import { useRunStore } from '../../store/run';

/**
 * Tasks ECS could not place are not PENDING tasks: they do not exist yet. The
 * badge, pinned to the node's corner so the node keeps its size, counts them
 * (desired less running and pending) and opens "Why not placed?".
 */
export const UnplacedBadge = memo(function UnplacedBadge({ name }: { name: string }) {
  const failure = useRunStore((s) => s.services[name]?.placementFailure);
  const waiting = useRunStore((s) => {
    const v = s.services[name];
    return v ? Math.max(1, v.desiredCount - v.runningCount - v.pendingCount) : 0;
  });
  if (failure === undefined) return null;
  const onClick = (event: MouseEvent) => {
    event.stopPropagation();
    explainService(name);
  };
  return (
    <button
      type="button"
      className="unplaced nodrag"
      data-testid="service.unplaced"
      data-count={waiting}
      title={`${failure}\nClick: why not placed?`}
      onClick={onClick}
    >
      <span className="unplaced-count">{waiting}</span>
      {' not placed · '}
      <span className="unplaced-why">Why?</span>
    </button>
  );
});
