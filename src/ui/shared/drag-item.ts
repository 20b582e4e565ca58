/** What the palette puts on an HTML5 drag, and the canvas reads on drop. */
export type DragItem = { kind: 'instance'; instanceType: string } | { kind: 'service' };

export const DRAG_MIME = 'application/x-berth-item';

export function writeDragItem(transfer: DataTransfer, item: DragItem): void {
  transfer.setData(DRAG_MIME, JSON.stringify(item));
  transfer.effectAllowed = 'copy';
}

export function carriesDragItem(transfer: DataTransfer): boolean {
  return transfer.types.includes(DRAG_MIME);
}

export function readDragItem(transfer: DataTransfer): DragItem | undefined {
  const text = transfer.getData(DRAG_MIME);
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<DragItem>;
    if (value.kind === 'service') return { kind: 'service' };
    if (value.kind === 'instance' && typeof value.instanceType === 'string') {
      return { kind: 'instance', instanceType: value.instanceType };
    }
  } catch {
    // Not ours: ignore the drop.
  }
  return undefined;
}
