import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { LoadBalancerNode } from './lb-graph';

const KIND = { application: 'ALB', network: 'NLB', classic: 'ELB' } as const;

/** A load balancer: what kind, its listeners; its edges go to the services behind it. */
export const LoadBalancerNodeView = memo(function LoadBalancerNodeView({
  data,
}: NodeProps<LoadBalancerNode>) {
  return (
    <div className="node lb-node" data-testid={`lb.${data.name}`} data-type={data.type}>
      <header className="node-header">
        <span className="node-kind lb">{KIND[data.type]}</span>
        <span className="node-title">{data.name}</span>
      </header>
      <div className="lb-listeners">
        {data.listeners.length === 0 ? 'no listener' : data.listeners.join(' · ')}
      </div>
      <Handle
        type="source"
        position={Position.Bottom}
        isConnectable={false}
        className="lb-handle"
      />
    </div>
  );
});
