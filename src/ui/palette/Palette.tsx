import { memo } from 'react';
import { InstanceItem } from './InstanceItem';
import { LoadBalancerItem } from './LoadBalancerItem';
import { ServiceItem } from './ServiceItem';

export const Palette = memo(function Palette() {
  return (
    <aside className="palette panel" data-testid="palette" aria-label="Palette">
      <h2 className="panel-title">Add to the cluster</h2>
      <InstanceItem />
      <ServiceItem />
      <LoadBalancerItem />
      <p className="palette-footnote">Drag a card onto the canvas, or click it to add.</p>
    </aside>
  );
});
