import { memo } from 'react';
import { useRunStore } from '../../store/run';
import { BuiltInAttributes } from './BuiltInAttributes';
import { InstanceFacts } from './InstanceFacts';

/**
 * An instance the run launched (an Auto Scaling group's): what it is now, read-only.
 * It is not in the design, so there is nothing to edit; its group decides its life.
 */
export const LiveInstanceInspector = memo(function LiveInstanceInspector({ id }: { id: string }) {
  const type = useRunStore((s) => s.instances[id]?.instanceType);
  const az = useRunStore((s) => s.instances[id]?.availabilityZone);
  return (
    <div className="inspector-body" data-testid="inspector.instance.live">
      <header className="inspector-head">
        <span className="node-kind">EC2</span>
        <h2>{id}</h2>
      </header>
      <p className="inspector-note">
        {type} in {az}, registered during the run (by the script or an Auto Scaling group): it is
        not part of the design, so it has nothing to edit.
      </p>
      <InstanceFacts id={id} />
      <BuiltInAttributes id={id} open />
    </div>
  );
});
