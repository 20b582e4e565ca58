import { memo, useState } from 'react';
import { restartStopped } from '../../store/sim-control';
import { canRestoreAt, mmss, stopSentence, useWorkerStore } from '../../store/worker-state';
import { RunStatus } from './RunStatus';
import './worker-stopped.css';

/**
 * Where the run's status goes in the dock: when the worker died or hung, one sentence and
 * the restarts, from the moment last seen or from 0:00; otherwise the usual status line.
 */
export const WorkerStopped = memo(function WorkerStopped() {
  const stop = useWorkerStore((s) => s.stop);
  const [busy, setBusy] = useState(false);
  if (!stop) return <RunStatus />;
  const restart = (from: 'checkpoint' | 'start') => {
    setBusy(true);
    void restartStopped(from).finally(() => setBusy(false));
  };
  const fromMoment = canRestoreAt(stop);
  return (
    <div className="worker-stopped" role="alert" data-testid="dock.workerStopped">
      <p data-testid="dock.workerStopped.text">{stopSentence(stop)}</p>
      <div className="worker-stopped-actions">
        {fromMoment && (
          <button
            type="button"
            className="button primary"
            data-testid="dock.workerStopped.restore"
            disabled={busy}
            onClick={() => restart('checkpoint')}
          >
            Restart from {mmss(stop.atMs)}
          </button>
        )}
        <button
          type="button"
          className={fromMoment ? 'button' : 'button primary'}
          data-testid="dock.workerStopped.restart"
          disabled={busy}
          onClick={() => restart('start')}
        >
          {fromMoment ? 'Restart at 0:00' : 'Restart'}
        </button>
      </div>
    </div>
  );
});
