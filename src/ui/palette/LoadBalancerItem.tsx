import { memo } from 'react';
import type { LoadBalancerKind } from '../../store/edits';
import { dropLoadBalancer } from '../../store/lb-actions';
import { showNotice } from '../../store/session';
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
  return (
    <section className="palette-section" aria-label="Load balancers">
      <h3>Load balancer</h3>
      {CARDS.map((card) => (
        <button
          key={card.kind}
          type="button"
          className="palette-item lb"
          data-testid={`palette.lb.${card.kind}`}
          draggable
          onDragStart={(event) => writeLoadBalancerDrag(event.dataTransfer, card.kind)}
          onClick={() => {
            const refusal = dropLoadBalancer(card.kind);
            if (refusal) showNotice(`Load balancer not added: ${refusal}`, 'error');
          }}
          title="Drag onto the canvas, or click to add; then drag from its handle to a service"
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
    </section>
  );
});
