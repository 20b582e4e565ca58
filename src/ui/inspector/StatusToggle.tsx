import { memo, useState } from 'react';
import { setStatus } from '../../store/design-actions';
import type { InstanceStatus } from '../../store/edits';
import { useRunStore } from '../../store/run';
import { firstIssue } from './issues';

const STATUSES: readonly InstanceStatus[] = ['ACTIVE', 'DRAINING'];

/** ACTIVE or DRAINING, kept in the design and sent live as UpdateContainerInstancesState. */
export const StatusToggle = memo(function StatusToggle({
  id,
  status,
}: {
  id: string;
  status: InstanceStatus;
}) {
  const live = useRunStore((s) => s.instances[id]?.status);
  const [error, setError] = useState<string | undefined>();
  return (
    <fieldset className="field status-field">
      <legend className="field-label">Status</legend>
      <div className="segmented">
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={status === s}
            className={`segment${status === s ? ' on' : ''} ${s.toLowerCase()}`}
            data-testid={`inspector.status.${s}`}
            onClick={() => setError(firstIssue(setStatus(id, s)))}
          >
            {s === 'ACTIVE' ? 'Active' : 'Draining'}
          </button>
        ))}
      </div>
      {error ? (
        <p className="field-error">{error}</p>
      ) : (
        <p className="field-hint">
          {live && live !== status ? `Now ${live} in the run. ` : ''}
          Draining takes no new tasks and moves service tasks elsewhere
          (UpdateContainerInstancesState).
        </p>
      )}
    </fieldset>
  );
});
