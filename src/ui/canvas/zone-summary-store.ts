import { create } from 'zustand';
import type { CanvasDetail, ZoneGroup } from './zone-summary';

/**
 * What the canvas draws at this zoom, and the zone lanes' summaries when it draws zones:
 * written by useFlowNodes, read by the summaries drawn over the canvas (ZoneSummaries).
 */
interface ZoneSummaryState {
  detail: CanvasDetail;
  groups: readonly ZoneGroup[];
}

export const useZoneSummaryStore = create<ZoneSummaryState>()(() => ({
  detail: 'instances',
  groups: [],
}));

const NONE: readonly ZoneGroup[] = [];

function sameGroup(a: ZoneGroup, b: ZoneGroup): boolean {
  return (
    a.id === b.id &&
    a.x === b.x &&
    a.y === b.y &&
    a.width === b.width &&
    a.booting === b.booting &&
    a.instanceIds.length === b.instanceIds.length &&
    a.instanceIds.every((id, i) => id === b.instanceIds[i])
  );
}

/** Publish; an unchanged group keeps its object, so its card keeps its run selector. */
export function publishZones(detail: CanvasDetail, groups: readonly ZoneGroup[]): void {
  const old = useZoneSummaryStore.getState();
  const kept =
    groups.length === 0 ? NONE : groups.map((g) => old.groups.find((o) => sameGroup(o, g)) ?? g);
  const same = kept.length === old.groups.length && kept.every((g, i) => g === old.groups[i]);
  if (same && old.detail === detail) return;
  useZoneSummaryStore.setState({ detail, groups: same ? old.groups : kept });
}
