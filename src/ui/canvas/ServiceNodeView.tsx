import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { type ServiceSummary, summarizeService } from '../../store/edits';
import { useRunStore } from '../../store/run';
import { useServiceColor } from '../shared/use-service-color';
import { useShownDesign } from '../shared/use-shown-design';
import { CALLS_IN, CALLS_OUT } from './call-graph';
import { DeploymentBar } from './DeploymentBar';
import type { ServiceNode } from './flow-nodes';
import { NODE_HANDLE } from './geometry';
import { networkText } from './service-text';
import { TargetGroupLine } from './TargetGroupLine';
import { UnplacedBadge } from './UnplacedBadge';
import { useBodyPan } from './use-body-pan';

function Count({
  label,
  value,
  testId,
}: {
  label: string;
  value: number | string;
  testId: string;
}) {
  return (
    <div className="count" data-testid={testId}>
      <span className="count-value">{value}</span>
      <span className="count-label">{label}</span>
    </div>
  );
}

/**
 * The revision the service runs now: the design names a family, whose latest revision
 * is what a deployment goes to, but a rollback returns to an earlier one.
 */
function usePrimarySummary(summary: ServiceSummary, primary: string | undefined): ServiceSummary {
  const design = useShownDesign();
  return useMemo(() => {
    if (!primary || primary === `${summary.family}:${summary.revision}`) return summary;
    const service = design.services.find((s) => s.serviceName === summary.serviceName);
    return service ? summarizeService(design, { ...service, taskDefinition: primary }) : summary;
  }, [design, primary, summary]);
}

/** A service: its task definition from the design, its counts from the run store. */
export const ServiceNodeView = memo(function ServiceNodeView({
  data,
  selected,
}: NodeProps<ServiceNode>) {
  const live = useRunStore((s) => s.services[data.summary.serviceName]);
  const summary = usePrimarySummary(data.summary, live?.deployments[0]?.taskDefinition);
  const revision = summary.revision === undefined ? '' : `:${summary.revision}`;
  const daemon = summary.schedulingStrategy === 'DAEMON';
  const onPointerDown = useBodyPan();
  const color = useServiceColor(summary.serviceName);
  return (
    <div
      className={`node service-node${selected ? ' selected' : ''}`}
      data-testid={`service.${summary.serviceName}`}
      data-service-color={color}
      // Its tasks' stripe colour, along the top: the node is its own legend.
      style={{ borderTopColor: color }}
      onPointerDown={onPointerDown}
    >
      <Handle
        type="target"
        position={Position.Top}
        isConnectable={false}
        className="service-handle"
      />
      {/* Where calls between services leave and arrive (call-graph.ts): below the node. */}
      <Handle
        type="source"
        id={CALLS_OUT}
        position={Position.Bottom}
        isConnectable={false}
        className="call-handle"
      />
      <Handle
        type="target"
        id={CALLS_IN}
        position={Position.Bottom}
        isConnectable={false}
        className="call-handle"
      />
      <header className={`node-header ${NODE_HANDLE}`}>
        <span className="node-kind service">Service</span>
        <span className="node-title">{summary.serviceName}</span>
        {daemon && <span className="pill daemon">DAEMON</span>}
      </header>
      <div className="service-image" title={summary.image}>
        {summary.image}
      </div>
      <div className="service-size" data-testid="service.size" title={networkText(summary)}>
        {summary.family}
        {revision} · {summary.cpu} CPU · {summary.memoryMiB} MiB
        {/* bridge is the Linux default; the modes that change placement say so. */}
        {summary.networkMode === 'bridge' ? '' : ` · ${summary.networkMode}`}
      </div>
      <div className="counts">
        <Count
          label="desired"
          value={live?.desiredCount ?? summary.desiredCount}
          testId="service.desired"
        />
        <Count label="running" value={live?.runningCount ?? '–'} testId="service.running" />
        <Count label="pending" value={live?.pendingCount ?? '–'} testId="service.pending" />
      </div>
      {live && <TargetGroupLine view={live} />}
      {live && <DeploymentBar view={live} color={color} />}
      <UnplacedBadge name={summary.serviceName} />
    </div>
  );
});
