import { useReactFlow, useStore, ViewportPortal } from '@xyflow/react';
import { useCallback } from 'react';
import '../styles/zone-summary.css';
import { INSTANCE_WIDTH, LANE_TOP } from './geometry';
import { ZoneSummaryCard } from './ZoneSummaryCard';
import { INSTANCES_FROM_PX, type ZoneGroup } from './zone-summary';
import { useZoneSummaryStore } from './zone-summary-store';

/** Close enough that the zone's instances come back (and then some), never past 1:1. */
const ZOOM_IN = Math.min(1, (INSTANCES_FROM_PX / INSTANCE_WIDTH) * 1.1);

/**
 * The zone lanes' summaries, drawn in the canvas's own coordinates (a viewport portal) while
 * the canvas is too small for instances. Needs the ReactFlowProvider the app shell holds.
 */
export function ZoneSummaries() {
  const detail = useZoneSummaryStore((s) => s.detail);
  const groups = useZoneSummaryStore((s) => s.groups);
  const paneHeight = useStore((s) => s.height);
  const { setCenter } = useReactFlow();
  const zoomInto = useCallback(
    (group: ZoneGroup) => {
      // The lane's header at the top of the canvas, its first instances under it.
      const y = LANE_TOP - 16 + paneHeight / 2 / ZOOM_IN;
      void setCenter(group.x + group.width / 2, y, { zoom: ZOOM_IN, duration: 300 });
    },
    [paneHeight, setCenter],
  );
  if (detail !== 'zones' || groups.length === 0) return null;
  return (
    <ViewportPortal>
      {groups.map((g) => (
        <ZoneSummaryCard key={g.id} group={g} onZoom={zoomInto} />
      ))}
    </ViewportPortal>
  );
}
