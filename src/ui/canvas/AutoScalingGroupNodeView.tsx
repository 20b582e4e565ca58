import type { NodeProps } from '@xyflow/react';
import { type CSSProperties, memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useRunStore } from '../../store/run';
import { select } from '../../store/session';
import type { GroupNode } from './capacity-nodes';
import { boundsBar, summarizeGroup } from './group-summary';

/**
 * An Auto Scaling group at its cluster's edge: min / desired / max large enough for the
 * back of the room, its instances by lifecycle state, and the capacity provider that
 * scales it with its last CapacityProviderReservation. Live numbers from the run store.
 */
export const AutoScalingGroupNodeView = memo(function AutoScalingGroupNodeView({
  data,
  selected,
}: NodeProps<GroupNode>) {
  const { place } = data;
  const live = useRunStore(
    useShallow((s) => summarizeGroup(s.capacity, place.name, place.providers)),
  );
  // Before the run has the group, the design's own sizes.
  const min = live.found ? live.min : place.minSize;
  const desired = live.found ? live.desired : place.desiredCapacity;
  const max = live.found ? live.max : place.maxSize;
  const bar = boundsBar({ min, desired, max });
  const width = (n: number) => `${bar.at(n)}%`;
  return (
    <div
      className={`node asg-node${selected ? ' selected' : ''}`}
      data-testid={`asg.${place.name}`}
      data-cluster={place.cluster}
    >
      <header className="node-header">
        <span className="node-kind asg">ASG</span>
        <span className="node-title" title={place.name}>
          {place.name}
        </span>
      </header>
      <div className="asg-sizes" data-testid="asg.sizes">
        <span className="asg-size">
          <b data-testid="asg.min">{min}</b> min
        </span>
        <span className="asg-size desired">
          <b data-testid="asg.desired">{desired}</b> desired
        </span>
        <span className="asg-size">
          <b data-testid="asg.max">{max}</b> max
        </span>
      </div>
      <div
        className="asg-bar"
        role="img"
        aria-label={`min ${min}, desired ${desired}, max ${max}; ${live.inService} InService, ${live.booting} booting`}
      >
        <span className="asg-bar-range" style={{ left: `${bar.minAt}%`, right: '0%' }} />
        <span className="asg-bar-fill in-service" style={{ width: width(live.inService) }} />
        <span
          className="asg-bar-fill booting"
          style={{ left: width(live.inService), width: width(live.booting) }}
        />
        <span className="asg-bar-mark min" style={{ left: `${bar.minAt}%` } as CSSProperties} />
        <span
          className="asg-bar-mark desired"
          style={{ left: `${bar.desiredAt}%` }}
          title={`desired ${desired}`}
        />
      </div>
      <div className="asg-counts" data-testid="asg.counts">
        <span className="asg-count in-service" data-testid="asg.inService">
          {live.inService} InService
        </span>
        <span className="asg-count booting" data-testid="asg.booting">
          {live.booting} booting
        </span>
        <span className="asg-count terminating" data-testid="asg.terminating">
          {live.terminating} terminating
        </span>
      </div>
      {live.provider !== '' && (
        <div className="asg-provider" data-testid="asg.provider">
          <button
            type="button"
            className="asg-provider-name nodrag"
            title="Capacity provider: show its managed scaling"
            onClick={(event) => {
              event.stopPropagation();
              select({ kind: 'capacityProvider', name: live.provider });
            }}
          >
            {live.provider}
          </button>
          {live.targetCapacity > 0 && (
            <span className="asg-target">target {live.targetCapacity}%</span>
          )}
        </div>
      )}
      {live.reservation >= 0 && (
        <div
          className="asg-reservation"
          data-testid="asg.reservation"
          title="CapacityProviderReservation = M / N × 100: instances needed over instances running, each minute"
        >
          <span className="asg-reservation-value">{live.reservation}%</span> reservation
          <span className="asg-reservation-mn">
            M {live.reservationM} / N {live.reservationN}
          </span>
        </div>
      )}
      {live.waitingTasks > 0 && (
        <div className="asg-waiting" data-testid="asg.waiting">
          {live.waitingTasks} {live.waitingTasks === 1 ? 'task waits' : 'tasks wait'} for capacity
        </div>
      )}
    </div>
  );
});
