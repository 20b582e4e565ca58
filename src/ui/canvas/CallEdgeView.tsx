import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getSmoothStepPath } from '@xyflow/react';
import { memo } from 'react';
import { useRunStore } from '../../store/run';
import type { CallEdge } from './call-graph';
import { rateText } from './edge-text';

/**
 * A call between services, below the service nodes: how the client's tasks find the
 * server (Cloud Map DNS with its TTL, or Service Connect) and last minute's failures,
 * red while any fail. The two ways read side by side when two clients call one server.
 */
export const CallEdgeView = memo(function CallEdgeView(props: EdgeProps<CallEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const call = useRunStore((s) =>
    data
      ? s.services[data.fromService]?.calls?.find((c) => c.endpoint === data.endpoint)
      : undefined,
  );
  const offset = 12 + 9 * (data?.lane ?? 0);
  const [path] = getSmoothStepPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    offset,
    borderRadius: 10,
  });
  const via = call?.tasksVia;
  const way =
    via && via.connect > 0 && via.dns === 0
      ? 'Service Connect'
      : via && via.dns > 0 && via.connect === 0
        ? `DNS · TTL ${call?.ttlSeconds ?? '?'} s`
        : via && via.dns > 0 && via.connect > 0
          ? `DNS ${via.dns} · Service Connect ${via.connect}`
          : call?.ttlSeconds !== undefined
            ? `DNS · TTL ${call.ttlSeconds} s`
            : 'by name';
  const failing = (call?.failedPerSecond ?? 0) > 0;
  return (
    <>
      <BaseEdge id={id} path={path} className={`call-edge${failing ? ' failing' : ''}`} />
      <EdgeLabelRenderer>
        <div
          className={`call-label nodrag nopan${failing ? ' failing' : ''}`}
          data-testid={`call.${data?.fromService ?? ''}`}
          data-failed={call?.failedPerSecond ?? 0}
          title={`${data?.fromService} calls ${data?.endpoint}`}
          style={{
            // Under its client, on its own lane: two clients' labels never overlap.
            transform: `translate(-50%, -50%) translate(${sourceX}px, ${Math.max(sourceY, targetY) + offset}px)`,
            // Above the frames and service nodes the path runs under.
            zIndex: 1002,
          }}
        >
          <span className="call-way">{way}</span>
          {call && (call.servedPerSecond > 0 || failing) && (
            <span className="call-rate">
              {' '}
              ·{' '}
              {failing
                ? `${rateText(call.failedPerSecond)} failed/s`
                : `${rateText(call.servedPerSecond)} req/s`}
            </span>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
