import {
  BaseEdge,
  EdgeLabelRenderer,
  type EdgeProps,
  getBezierPath,
  useStoreApi,
} from '@xyflow/react';
import { memo } from 'react';
import { useRunStore } from '../../store/run';
import { edgeLabelPoint } from './edge-label';
import { edgeParts, revisionSplit } from './edge-text';
import { FRAME_HEADER } from './geometry';
import type { TrafficEdge } from './lb-graph';

/**
 * A load balancer's path to a service, labelled live: each target group's healthy
 * targets and last minute's requests (and 503s), and how the traffic splits by revision.
 */
export const TrafficEdgeView = memo(function TrafficEdgeView(props: EdgeProps<TrafficEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } =
    props;
  const view = useRunStore((s) => (data ? s.services[data.serviceName] : undefined));
  const store = useStoreApi();
  const [path] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  // On the curve in the gap above the frames: two services' labels stay apart, off the titles.
  const { x: labelX, y: labelY } = edgeLabelPoint(
    { x: sourceX, y: sourceY },
    { x: targetX, y: targetY },
    -FRAME_HEADER,
    data?.lane,
    data?.lanes,
  );
  const parts = edgeParts(view, data?.groups ?? []);
  const split = revisionSplit(view);
  return (
    <>
      <BaseEdge id={id} path={path} className={`traffic-edge${selected ? ' selected' : ''}`} />
      <EdgeLabelRenderer>
        <button
          type="button"
          className={`traffic-label nodrag nopan${selected ? ' selected' : ''}`}
          data-testid={`edge.${data?.serviceName ?? ''}`}
          data-lb={data?.lbName}
          title={`${data?.lbName} → ${data?.serviceName}: click, then Delete, to take it off`}
          // The label is the easy thing to hit: a click on it selects the edge, for Delete.
          onClick={() => store.getState().addSelectedEdges([id])}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          {parts.map((p, i) => (
            <span key={p.name} className="traffic-part">
              {i > 0 && ' · '}
              {p.name} {p.targets}
              {p.served && <span className="traffic-rate"> {p.served}</span>}
              {p.failed && <span className="traffic-failed"> {p.failed}</span>}
            </span>
          ))}
          {split && <span className="traffic-split"> · {split}</span>}
        </button>
      </EdgeLabelRenderer>
    </>
  );
});
