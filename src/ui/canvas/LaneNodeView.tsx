import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { failZone } from '../../store/design-actions';
import { isPristine, useRunStore } from '../../store/run';
import type { BandNode, LaneNode } from './flow-nodes';

/** An Availability Zone: a column instances live in, and a drop target for new ones. */
export const LaneNodeView = memo(function LaneNodeView({ data }: NodeProps<LaneNode>) {
  const running = useRunStore((s) => !isPristine(s));
  return (
    <div className="lane" data-testid={`canvas.lane.${data.az}`} data-cluster={data.cluster}>
      <header className="lane-header">
        <span className="lane-title">{data.az}</span>
        <span className="lane-meta">
          {data.booting > 0
            ? `${data.count} + ${data.booting} booting`
            : `${data.count} ${data.count === 1 ? 'instance' : 'instances'}`}
        </span>
        {running && data.count > 0 && (
          <button
            type="button"
            className="fault-button nodrag"
            title={`A fault: every instance in ${data.az} is lost at once (FailAvailabilityZone)`}
            data-testid={`canvas.lane.${data.az}.fail`}
            onClick={(e) => {
              e.stopPropagation();
              failZone(data.az, data.cluster);
            }}
          >
            Fail zone
          </button>
        )}
      </header>
      {data.count === 0 && data.booting === 0 && (
        <div className="lane-hint">Drop an EC2 instance here</div>
      )}
    </div>
  );
});

/** The strip above the lanes where services sit: they span zones. */
export const BandNodeView = memo(function BandNodeView({ data }: NodeProps<BandNode>) {
  return (
    <div className="band" data-testid="canvas.services" data-cluster={data.cluster}>
      <header className="lane-header">
        <span className="lane-title">Services</span>
        <span className="lane-meta">spread across zones</span>
      </header>
      {data.count === 0 && <div className="lane-hint">Drop a service here</div>}
    </div>
  );
});
