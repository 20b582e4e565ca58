import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import { useRunStore } from '../../store/run';
import type { TrafficEdge } from './lb-graph';

/**
 * A load balancer's path to a service, labelled live: each target group's healthy
 * targets, and during a blue/green shift the share of production traffic on the new one.
 */
export const TrafficEdgeView = memo(function TrafficEdgeView(props: EdgeProps<TrafficEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const view = useRunStore((s) => (data ? s.services[data.serviceName] : undefined));
  // The label sits just under the load balancer, in the gap above the cluster frames.
  const [path] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const primary = view?.deployments[0];
  const shifting = primary?.stage !== undefined && primary.trafficPercent !== undefined;
  const parts = (data?.groups ?? []).map((name) => {
    const tg = view?.targetGroups?.find((g) => g.name === name);
    return tg ? `${name} ${tg.healthy}✓${tg.draining > 0 ? ` ${tg.draining}↘` : ''}` : name;
  });
  const label = `${parts.join(' · ')}${shifting ? ` · new ${primary?.trafficPercent}%` : ''}`;
  return (
    <>
      <BaseEdge id={id} path={path} className="traffic-edge" />
      <EdgeLabelRenderer>
        <div
          className="traffic-label nodrag nopan"
          data-testid={`edge.${data?.serviceName ?? ''}`}
          style={{ transform: `translate(-50%, 0) translate(${sourceX}px, ${sourceY + 6}px)` }}
        >
          {label}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
