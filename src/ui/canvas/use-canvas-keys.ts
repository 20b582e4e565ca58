import { type RefObject, useEffect } from 'react';
import { requestFit } from '../../store/session';
import { copySelection, duplicateSelection, pasteClipboard } from './canvas-commands';
import { toggleMinimap } from './canvas-ui';
import type { BerthNode } from './flow-nodes';

/** Typing in a field keeps the field's own keys; a dialog keeps its own too. */
function elsewhere(event: KeyboardEvent): boolean {
  const target = event.target;
  if (document.querySelector('[aria-modal="true"]')) return true;
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Text the person selected on the page: Ctrl+C then copies that, as a page should. */
const textSelected = () => (window.getSelection()?.toString() ?? '') !== '';

/**
 * The canvas's editing keys, anywhere outside a field: Ctrl/Cmd+C, V, D copy, paste and
 * duplicate the selected instances and services; F or Shift+1 zoom to fit; M the minimap.
 * Delete and Backspace are React Flow's own (on the canvas).
 */
export function useCanvasKeys(nodes: RefObject<readonly BerthNode[]>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || elsewhere(event)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && !event.shiftKey && !event.altKey) {
        if (key === 'c' && !textSelected() && copySelection(nodes.current)) event.preventDefault();
        else if (key === 'v' && pasteClipboard()) event.preventDefault();
        // Ctrl+D is the browser's bookmark key: taken only when there is something to duplicate.
        else if (key === 'd' && duplicateSelection(nodes.current)) event.preventDefault();
        return;
      }
      if (mod || event.altKey) return;
      if ((key === 'f' && !event.shiftKey) || (event.shiftKey && event.code === 'Digit1')) {
        event.preventDefault();
        requestFit();
      } else if (key === 'm' && !event.shiftKey) {
        event.preventDefault();
        toggleMinimap();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [nodes]);
}
