import { useReactFlow } from '@xyflow/react';
import { type PointerEvent, useCallback } from 'react';
import { NODE_HANDLE } from './geometry';

/** Where a press belongs to the node itself: its drag handle, and anything that takes a click. */
const OWN_PRESS = `.${NODE_HANDLE}, button, a, input, select, textarea`;

/**
 * A press on a node's body pans the canvas, as a press on the empty canvas
 * does. React Flow marks every draggable node `nopan`, even one moved only by
 * its handle, so its pan never starts there; on a dense canvas a person
 * reaching for the background lands on a node, and expects the view to move.
 */
export function useBodyPan(): (event: PointerEvent<HTMLElement>) => void {
  const { getViewport, setViewport } = useReactFlow();
  return useCallback(
    (event: PointerEvent<HTMLElement>) => {
      if (event.button !== 0 || !(event.target instanceof Element)) return;
      if (event.target.closest(OWN_PRESS)) return;
      const start = { x: event.clientX, y: event.clientY };
      const from = getViewport();
      // Window listeners, not pointer capture: a capture would steal the click from a task chip.
      const move = (e: globalThis.PointerEvent) =>
        void setViewport({
          x: from.x + e.clientX - start.x,
          y: from.y + e.clientY - start.y,
          zoom: from.zoom,
        });
      const end = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', end);
        window.removeEventListener('pointercancel', end);
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', end);
      window.addEventListener('pointercancel', end);
    },
    [getViewport, setViewport],
  );
}
