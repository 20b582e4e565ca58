import { useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { useCallback } from 'react';
import { dropPaletteItem, type PaletteDrop } from '../palette/drop-at';
import { carriesLoadBalancer, readLoadBalancerDrag } from '../palette/lb-drag';
import { carriesPaletteItem, readPaletteDrag } from '../palette/palette-drag';
import { carriesDragItem, readDragItem } from '../shared/drag-item';
import type { BerthNode } from './flow-nodes';

const carriesAny = (t: DataTransfer) =>
  carriesDragItem(t) || carriesLoadBalancer(t) || carriesPaletteItem(t);

/** What the drag carries, whichever of the palette's three drag types it came as. */
function readItem(t: DataTransfer): PaletteDrop | undefined {
  const lb = readLoadBalancerDrag(t);
  if (lb) return { kind: 'loadBalancer', type: lb };
  const kind = readPaletteDrag(t);
  if (kind) return { kind };
  return readDragItem(t);
}

/** HTML5 drop of a palette item onto the canvas: flow coordinates, then the palette's edit. */
export function usePaletteDrop() {
  const flow = useReactFlow<BerthNode>();

  const onDragOver = useCallback((event: DragEvent) => {
    if (!carriesAny(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const item = readItem(event.dataTransfer);
      if (!item) return;
      event.preventDefault();
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      dropPaletteItem(flow, item, point);
    },
    [flow],
  );

  return { onDragOver, onDrop };
}
