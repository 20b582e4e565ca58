import { useReactFlow } from '@xyflow/react';
import { memo } from 'react';
import type { LoadBalancerKind } from '../../store/edits';
import type { BerthNode } from '../canvas/flow-nodes';
import { addAtCentre } from './drop-at';
import { writeLoadBalancerDrag } from './lb-drag';

const CARDS: { kind: LoadBalancerKind; icon: string; title: string; detail: string }[] = [
  {
    kind: 'application',
    icon: 'ALB',
    title: 'Application Load Balancer',
    detail: 'HTTP:80 → target group',
  },
  { kind: 'network', icon: 'NLB', title: 'Network Load Balancer', detail: 'TCP:80 → target group' },
  {
    kind: 'classic',
    icon: 'ELB',
    title: 'Classic Load Balancer',
    detail: 'HTTP:80 → instance port',
  },
];

/** Load balancers: drag one above the clusters (or click), then drag its handle to a service. */
export const LoadBalancerItem = memo(function LoadBalancerItem() {
  const flow = useReactFlow<BerthNode>();
  return (
    <div className="palette-cards">
      {CARDS.map((card) => (
        <button
          key={card.kind}
          type="button"
          className="palette-item palette-card lb"
          data-testid={`palette.lb.${card.kind}`}
          draggable
          onDragStart={(event) => writeLoadBalancerDrag(event.dataTransfer, card.kind)}
          onClick={() => addAtCentre(flow, { kind: 'loadBalancer', type: card.kind })}
          title="Drag onto the canvas, or press Enter to add it; then drag from its handle to a service"
        >
          <span className="palette-icon lb">{card.icon}</span>
          <span className="palette-text">
            <strong>{card.title}</strong>
            <small>{card.detail}</small>
          </span>
          <span className="palette-grip" aria-hidden="true">
            ⠿
          </span>
        </button>
      ))}
      <p className="field-hint palette-hint">Wire it: drag from the dot under it onto a service.</p>
    </div>
  );
});
