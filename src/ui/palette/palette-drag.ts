/**
 * The palette cards added for issue 9 on an HTML5 drag: their own type, beside the
 * shared drag item (instances, services) and the load balancer's (lb-drag.ts).
 */
export const PALETTE_DRAG_MIME = 'application/x-berth-palette';

export type PaletteKind =
  | 'autoScalingGroup'
  | 'externalInstance'
  | 'fargate'
  | 'task'
  | 'targetGroup'
  | 'namespace';

const KINDS: readonly PaletteKind[] = [
  'autoScalingGroup',
  'externalInstance',
  'fargate',
  'task',
  'targetGroup',
  'namespace',
];

export function writePaletteDrag(transfer: DataTransfer, kind: PaletteKind): void {
  transfer.setData(PALETTE_DRAG_MIME, kind);
  transfer.effectAllowed = 'copy';
}

export function carriesPaletteItem(transfer: DataTransfer): boolean {
  return transfer.types.includes(PALETTE_DRAG_MIME);
}

export function readPaletteDrag(transfer: DataTransfer): PaletteKind | undefined {
  const text = transfer.getData(PALETTE_DRAG_MIME);
  return KINDS.find((k) => k === text);
}
