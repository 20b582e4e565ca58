import { useReactFlow } from '@xyflow/react';
import { memo } from 'react';
import type { BerthNode } from '../canvas/flow-nodes';
import { addAtCentre } from './drop-at';
import { PaletteCard } from './PaletteCard';
import { writePaletteDrag } from './palette-drag';

/** A target group (onto a load balancer) and a Cloud Map namespace (onto a cluster or service). */
export const DiscoveryItems = memo(function DiscoveryItems() {
  const flow = useReactFlow<BerthNode>();
  return (
    <div className="palette-cards">
      <PaletteCard
        testId="palette.targetGroup"
        icon="TG"
        tone="tg"
        title="Target group"
        detail="onto an ALB or NLB"
        hint="Drop onto a load balancer (or press Enter for the nearest): CreateTargetGroup and a listener on the next free port"
        onDragStart={(event) => writePaletteDrag(event.dataTransfer, 'targetGroup')}
        onAdd={() => addAtCentre(flow, { kind: 'targetGroup' })}
      />
      <PaletteCard
        testId="palette.namespace"
        icon="NS"
        tone="ns"
        title="Cloud Map namespace"
        detail="private DNS · cluster.local"
        hint="Drop onto a cluster or a service (or press Enter): CreatePrivateDnsNamespace, for service discovery and Service Connect"
        onDragStart={(event) => writePaletteDrag(event.dataTransfer, 'namespace')}
        onAdd={() => addAtCentre(flow, { kind: 'namespace' })}
      />
    </div>
  );
});
