import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ClusterNode } from './flow-nodes';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** A cluster: the labelled frame around its service band and zone lanes. */
export const ClusterFrameView = memo(function ClusterFrameView({ data }: NodeProps<ClusterNode>) {
  return (
    <div
      className="cluster-frame"
      data-testid={`canvas.cluster.${data.clusterName}`}
      data-cluster={data.clusterName}
    >
      <header className="cluster-frame-header">
        <span className="node-kind cluster">Cluster</span>
        <span className="cluster-frame-name">{data.clusterName}</span>
        <span className="cluster-frame-meta">
          {plural(data.instanceCount, 'instance')} · {plural(data.serviceCount, 'service')}
        </span>
      </header>
    </div>
  );
});
