import { memo } from 'react';
import { useRunStore } from '../../store/run';

/** Says so plainly when the simulation cannot run, instead of a dead Play button. */
export const RunStatus = memo(function RunStatus() {
  const status = useRunStore((s) => s.status);
  const error = useRunStore((s) => s.error);
  if (status === 'ready') return null;
  return (
    <p className={`run-status ${status}`} data-testid="dock.status" role="status">
      {status === 'starting'
        ? 'Starting the simulation…'
        : `Simulation unavailable: ${error ?? 'unknown error'}`}
    </p>
  );
});
