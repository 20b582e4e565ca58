import { type CSSProperties, memo, useMemo } from 'react';
import { usePaintedRun } from './paint-budget';
import { useServiceColors } from './TaskChips';
import {
  type ServiceTally,
  SUMMARY_CARD_HEIGHT,
  type ZoneGroup,
  zoneTotalsSelector,
} from './zone-summary';

/** Services named in the card; the rest are counted in one line. */
const NAMED = 2;

function ServiceBar({
  services,
  total,
  colorOf,
}: {
  services: readonly ServiceTally[];
  total: number;
  colorOf: (name: string | undefined) => string;
}) {
  return (
    <div className="zone-bar" aria-hidden="true">
      {total > 0 &&
        services.flatMap((s) =>
          (['running', 'pending'] as const).map((kind) =>
            s[kind] === 0 ? null : (
              <span
                key={`${s.name}:${kind}`}
                className={`zone-bar-seg ${kind}`}
                style={
                  {
                    width: `${(s[kind] / total) * 100}%`,
                    '--seg-color': colorOf(s.serviceName),
                  } as CSSProperties
                }
              />
            ),
          ),
        )}
    </div>
  );
}

/**
 * One zone lane while its instances are too small to read: how many instances, its tasks
 * by service (RUNNING solid, PENDING striped), what CPU and memory they reserve. Live
 * numbers come through the same run-store slices and paint budget as the instance nodes.
 * A click zooms into the zone, where the instances come back.
 */
export const ZoneSummaryCard = memo(function ZoneSummaryCard({
  group,
  onZoom,
}: {
  group: ZoneGroup;
  onZoom: (group: ZoneGroup) => void;
}) {
  const select = useMemo(() => zoneTotalsSelector(group.instanceIds), [group.instanceIds]);
  const totals = usePaintedRun(select);
  const colorOf = useServiceColors();
  const count = group.instanceIds.length;
  const tasks = totals.running + totals.pending;
  const named = totals.services.slice(0, NAMED);
  const others = totals.services.slice(NAMED);
  return (
    <button
      type="button"
      className="zone-summary nodrag"
      data-testid={`zone-summary.${group.az}`}
      data-cluster={group.cluster}
      data-running={totals.running}
      data-pending={totals.pending}
      style={{
        transform: `translate(${group.x}px, ${group.y}px)`,
        width: group.width,
        height: SUMMARY_CARD_HEIGHT,
      }}
      title={`${group.az}: ${count} instances. Click to zoom in to them.`}
      onClick={(event) => {
        event.stopPropagation();
        onZoom(group);
      }}
    >
      <span className="zone-summary-head">
        <span className="zone-summary-az">{group.az}</span>
        <span className="zone-summary-count" data-testid="zone-summary.instances">
          {count} {count === 1 ? 'instance' : 'instances'}
          {group.booting > 0 && ` + ${group.booting} booting`}
        </span>
      </span>
      <span className="zone-summary-stats">
        <span className="zone-summary-stat">
          <strong data-testid="zone-summary.running">{totals.running}</strong>
          <small>running</small>
        </span>
        <span className="zone-summary-stat">
          <strong data-testid="zone-summary.pending">{totals.pending}</strong>
          <small>pending</small>
        </span>
      </span>
      <ServiceBar services={totals.services} total={tasks} colorOf={colorOf} />
      <span className="zone-summary-services">
        {named.map((s) => (
          <span key={s.name} className="zone-summary-service" data-service={s.serviceName}>
            <span className="zone-summary-swatch" style={{ background: colorOf(s.serviceName) }} />
            <span className="zone-summary-name">{s.name}</span>
            <span className="zone-summary-nums">
              {s.running}
              {s.pending > 0 && ` +${s.pending}`}
            </span>
          </span>
        ))}
        {others.length > 0 && (
          <span className="zone-summary-more">
            +{others.length} more {others.length === 1 ? 'service' : 'services'}
          </span>
        )}
        {tasks === 0 && <span className="zone-summary-more">No tasks</span>}
      </span>
      <span className="zone-summary-reserved">
        <span className="zone-summary-label">Reserved</span>
        <span data-testid="zone-summary.cpu">CPU {totals.cpuReservedPct}%</span>
        <span data-testid="zone-summary.memory">Mem {totals.memoryReservedPct}%</span>
      </span>
    </button>
  );
});
