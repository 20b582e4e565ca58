import { memo } from 'react';
import { compareWith, useChartStore } from '../../store/chart';
import { useRunStore } from '../../store/run';
import { switchBranch } from '../../store/sim-control';
import { formatClock } from '../format';

/**
 * The branches of the run: an edit made while looking at the past starts one, and the
 * old future stays here to bring back or to draw dashed beside the one shown.
 */
export const BranchPicker = memo(function BranchPicker() {
  const branches = useRunStore((s) => s.timeline.branches);
  const branchId = useRunStore((s) => s.timeline.branchId);
  const compareId = useChartStore((s) => s.compareBranchId);
  if (branches.length < 2) return null;
  const describe = (b: (typeof branches)[number]) =>
    `${b.label} · to ${formatClock(b.endMs)} · ${b.commands} command${b.commands === 1 ? '' : 's'}`;
  return (
    <div className="branch-picker">
      <label>
        <span>Branch</span>
        <select
          data-testid="timeline.branch"
          value={branchId}
          onChange={(e) => {
            const id = Number(e.target.value);
            if (compareId === id) compareWith(branchId);
            void switchBranch(id);
          }}
        >
          {branches.map((b) => (
            <option key={b.id} value={b.id}>
              {describe(b)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Compare</span>
        <select
          data-testid="timeline.compare"
          value={compareId ?? ''}
          onChange={(e) => compareWith(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">none</option>
          {branches
            .filter((b) => b.id !== branchId)
            .map((b) => (
              <option key={b.id} value={b.id}>
                {describe(b)} (dashed)
              </option>
            ))}
        </select>
      </label>
    </div>
  );
});
