import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { NODE_HANDLE } from './geometry';
import type { LoadBalancerNode } from './lb-graph';

const KIND = { application: 'ALB', network: 'NLB', classic: 'ELB' } as const;

/**
 * A load balancer: what kind, its listeners. Its header moves it; the dot under it
 * starts an edge, dropped onto a service to put the service behind it.
 */
export const LoadBalancerNodeView = memo(function LoadBalancerNodeView({
  data,
  selected,
}: NodeProps<LoadBalancerNode>) {
  return (
    <div
      className={`node lb-node${selected ? ' selected' : ''}`}
      data-testid={`lb.${data.name}`}
      data-type={data.type}
    >
      <header className={`node-header ${NODE_HANDLE}`}>
        <span className="node-kind lb">{KIND[data.type]}</span>
        <span className="node-title">{data.name}</span>
      </header>
      <div className="lb-listeners" data-testid="lb.listeners">
        {data.listeners.length === 0 ? 'no listener' : data.listeners.join(' · ')}
      </div>
      <Handle
        type="source"
        position={Position.Bottom}
        className="lb-handle lb-wire"
        data-testid={`lb.${data.name}.handle`}
        title="Drag onto a service to send it this load balancer's traffic"
      />
    </div>
  );
});
