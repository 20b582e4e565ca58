import { useEffect } from 'react';
import { redo, undo } from '../../store/design-actions';
import { closeExplain } from '../../store/explain';
import { useRunStore } from '../../store/run';
import { setHelpOpen, useSessionStore } from '../../store/session';
import { togglePlay } from '../../store/sim-control';
import { timelineKey } from '../timeline/Timeline';

/** Typing in a field keeps the field's own undo and spaces. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Inside the canvas, arrows move selected nodes (React Flow's own keys). */
function inCanvas(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.react-flow') !== null;
}

/**
 * Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo, Space play/pause, arrows, Home and
 * End move through time, `?` lists them all, Escape closes a "Why".
 */
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
      } else if (event.key === '?' && !mod) {
        event.preventDefault();
        setHelpOpen(!useSessionStore.getState().helpOpen);
      } else if (
        !mod &&
        !inCanvas(event.target) &&
        !document.querySelector('[aria-modal="true"]') &&
        timelineKey(event.key, event.shiftKey)
      ) {
        event.preventDefault();
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
