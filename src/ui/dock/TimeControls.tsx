import { memo } from 'react';
import { useRunStore } from '../../store/run';
import { restart, step, togglePlay } from '../../store/sim-control';

/** Play/pause, step and restart: the run's transport. */
export const TimeControls = memo(function TimeControls() {
  const playing = useRunStore((s) => s.playing);
  const ready = useRunStore((s) => s.status === 'ready');
  return (
    <div className="transport" role="toolbar" aria-label="Time controls">
      <button
        type="button"
        className={`button primary play${playing ? ' playing' : ''}`}
        data-testid="dock.play"
        data-playing={playing}
        disabled={!ready}
        onClick={() => togglePlay(playing)}
        title="Play or pause (Space)"
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        className="button"
        data-testid="dock.step"
        disabled={!ready}
        onClick={() => step(1)}
      >
        +1 s
      </button>
      <button
        type="button"
        className="button"
        data-testid="dock.step10"
        disabled={!ready}
        onClick={() => step(10)}
      >
        +10 s
      </button>
      <button
        type="button"
        className="button"
        data-testid="dock.restart"
        disabled={!ready}
        onClick={restart}
        title="Start again at 0:00"
      >
        ↺
      </button>
    </div>
  );
});
