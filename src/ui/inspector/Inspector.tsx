import { memo } from 'react';
import { useSessionStore } from '../../store/session';
import { useCanvasUi } from '../canvas/canvas-ui';
import { AutoScalingGroupInspector } from './capacity/AutoScalingGroupInspector';
import { CapacityProviderInspector } from './capacity/CapacityProviderInspector';
import { DesignOverview } from './DesignOverview';
import { InstanceInspector } from './InstanceInspector';
import { LoadBalancerInspector } from './LoadBalancerInspector';
import { MultiSelection } from './MultiSelection';
import { ServiceInspector } from './ServiceInspector';
import { TaskInspector } from './TaskInspector';

export const Inspector = memo(function Inspector() {
  const single = useSessionStore((s) => s.selection);
  const multi = useCanvasUi((s) => s.multi);
  // Several selected: the list of them stands in for any one of them.
  const selection = multi.length > 1 ? undefined : single;
  return (
    <aside className="inspector panel" data-testid="inspector" aria-label="Inspector">
      <h2 className="panel-title">Inspector</h2>
      {multi.length > 1 && <MultiSelection ids={multi} />}
      {selection?.kind === 'instance' && <InstanceInspector key={selection.id} id={selection.id} />}
      {selection?.kind === 'service' && (
        <ServiceInspector key={selection.name} name={selection.name} />
      )}
      {selection?.kind === 'task' && <TaskInspector key={selection.arn} arn={selection.arn} />}
      {selection?.kind === 'loadBalancer' && (
        <LoadBalancerInspector key={selection.name} name={selection.name} />
      )}
      {selection?.kind === 'autoScalingGroup' && (
        <AutoScalingGroupInspector key={selection.name} name={selection.name} />
      )}
      {selection?.kind === 'capacityProvider' && (
        <CapacityProviderInspector key={selection.name} name={selection.name} />
      )}
      {selection === null && <DesignOverview />}
    </aside>
  );
});
