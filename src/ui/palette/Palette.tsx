import { memo } from 'react';
import { CapacityItems } from './CapacityItems';
import { DiscoveryItems } from './DiscoveryItems';
import { InstanceItem } from './InstanceItem';
import { LoadBalancerItem } from './LoadBalancerItem';
import { PaletteGroup } from './PaletteGroup';
import { ServiceItem } from './ServiceItem';
import { TaskItem } from './TaskItem';
import './palette.css';

/** Every resource Berth models, in three folding groups: capacity, what runs, how it is reached. */
export const Palette = memo(function Palette() {
  return (
    <aside className="palette panel" data-testid="palette" aria-label="Palette">
      <h2 className="panel-title">Add to the cluster</h2>
      <PaletteGroup id="capacity" title="Capacity" summary="EC2 · ASG · external · Fargate">
        <InstanceItem />
        <CapacityItems />
      </PaletteGroup>
      <PaletteGroup id="workloads" title="Workloads" summary="service · task">
        <ServiceItem />
        <TaskItem />
      </PaletteGroup>
      <PaletteGroup
        id="traffic"
        title="Traffic and discovery"
        summary="ALB · NLB · ELB · TG · Cloud Map"
      >
        <LoadBalancerItem />
        <DiscoveryItems />
      </PaletteGroup>
      <p className="palette-footnote">
        Drag a card onto the canvas, or focus it and press Enter to add it at the centre.
      </p>
    </aside>
  );
});
