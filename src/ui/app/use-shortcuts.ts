import { useEffect } from 'react';
import { redo, undo } from '../../store/design-actions';
import { closeExplain } from '../../store/explain';
import { useRunStore } from '../../store/run';
import { togglePlay } from '../../store/sim-control';

/** Typing in a field keeps the field's own undo and spaces. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo, Space play/pause, Escape closes a "Why". */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isEditable(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'z') {
        event.preventDefault();
        if (event.shiftKey) redo();
        else undo();
      } else if (mod && key === 'y') {
        event.preventDefault();
        redo();
      } else if (key === 'escape' && !document.querySelector('[aria-modal="true"]')) {
        closeExplain();
      } else if (key === ' ' && !mod && !(event.target instanceof HTMLButtonElement)) {
        const run = useRunStore.getState();
        if (run.status !== 'ready') return;
        event.preventDefault();
        togglePlay(run.playing);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
