import { memo } from 'react';
import { setPresenter, usePresenter } from './presenter';

/** Presenter mode on and off (also the key P). */
export const PresenterToggle = memo(function PresenterToggle() {
  const on = usePresenter();
  return (
    <button
      type="button"
      className="button presenter-toggle"
      data-testid="toolbar.presenter"
      aria-pressed={on}
      title="Presenter mode: large type and the canvas first, for a projector (P)"
      onClick={() => setPresenter(!on)}
    >
      {on ? 'Presenting' : 'Present'}
    </button>
  );
});
