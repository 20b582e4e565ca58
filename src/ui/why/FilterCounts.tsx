import { memo } from 'react';
import type { PlacementTrace } from '../../engine';

/** How many instances each filter removed, in ECS's order: resources, then constraints. */
export const FilterCounts = memo(function FilterCounts({ trace }: { trace: PlacementTrace }) {
  return (
    <div className="why-section" data-testid="why.filters">
      <h4>
        Filters{' '}
        <small className="why-h-note">
          {trace.candidateCount} of {trace.instanceCount} passed
        </small>
      </h4>
      {trace.rejectedCounts.length === 0 ? (
        <p className="why-muted">
          Every instance had the CPU, memory, ports and ENIs, and met the constraints.
        </p>
      ) : (
        <ul className="why-counts">
          {trace.rejectedCounts.map((c) => (
            <li key={`${c.filter}:${c.label}`} data-testid="why.count">
              <strong>{c.count}</strong>
              <span>{c.label}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
