import { memo } from 'react';
import { useDesignStore } from '../../store/design';
import { useRunStore } from '../../store/run';
import { CapacityOverview } from './capacity/CapacityOverview';

/** With nothing selected: what the design holds, and how to start. */
export const DesignOverview = memo(function DesignOverview() {
  const design = useDesignStore((s) => s.design);
  // The design lists the instances at 0:00; the ones its groups launched are the run's.
  const launched = useRunStore(
    (s) =>
      s.capacity?.groups.reduce(
        (n, g) => n + g.instances.filter((i) => i.lifecycleState !== 'Terminating').length,
        0,
      ) ?? 0,
  );
  return (
    <div className="inspector-body" data-testid="inspector.design">
      <header className="inspector-head">
        <span className="node-kind">Design</span>
        <h2>{design.name}</h2>
      </header>
      <dl className="facts">
        <dt>Region</dt>
        <dd>{design.region}</dd>
        <dt>Cluster</dt>
        <dd>{design.clusters.map((c) => c.clusterName).join(', ')}</dd>
        <dt>Instances</dt>
        <dd data-testid="inspector.design.instances">
          {design.containerInstances.length}
          {launched > 0 && ` + ${launched} launched by Auto Scaling`}
        </dd>
        <dt>Services</dt>
        <dd>{design.services.length}</dd>
        <dt>Script</dt>
        <dd>
          {design.script.length === 0
            ? 'none'
            : design.script.map((a) => `${a.action} at ${a.at}s`).join(', ')}
        </dd>
      </dl>
      <p className="inspector-note">
        Select an instance or a service on the canvas to edit it. Drag nodes to move them; Delete
        removes the selected one; Ctrl+Z undoes.
      </p>
      <CapacityOverview design={design} />
    </div>
  );
});
