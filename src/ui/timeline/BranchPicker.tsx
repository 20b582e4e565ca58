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
  // The shown branch grows as it plays; the others hold still.
  const endMs = useRunStore((s) => s.endMs);
  if (branches.length < 2) return null;
  const describe = (b: (typeof branches)[number]) =>
    `${b.label}, to ${formatClock(b.id === branchId ? endMs : b.endMs).replace(/^0/, '')}`;
  return (
    <div className="branch-picker">
      <label title="The branch shown">
        <select
          aria-label="Branch shown"
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
              Branch: {describe(b)}
            </option>
          ))}
        </select>
      </label>
      <label title="Another branch, drawn dashed">
        <select
          aria-label="Compare with branch"
          data-testid="timeline.compare"
          value={compareId ?? ''}
          onChange={(e) => compareWith(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">Compare: none</option>
          {branches
            .filter((b) => b.id !== branchId)
            .map((b) => (
              <option key={b.id} value={b.id}>
                Compare: {describe(b)}
              </option>
            ))}
        </select>
      </label>
    </div>
  );
});
