import { memo, useMemo } from 'react';
import { isBuiltInAttribute } from '../../store/edits';
import { useRunStore } from '../../store/run';
import { InstanceFacts } from './InstanceFacts';

/**
 * An instance the run launched (an Auto Scaling group's): what it is now, read-only.
 * It is not in the design, so there is nothing to edit; its group decides its life.
 */
export const LiveInstanceInspector = memo(function LiveInstanceInspector({ id }: { id: string }) {
  const type = useRunStore((s) => s.instances[id]?.instanceType);
  const az = useRunStore((s) => s.instances[id]?.availabilityZone);
  const attributes = useRunStore((s) => s.instances[id]?.attributes);
  const builtIn = useMemo(
    () => Object.entries(attributes ?? {}).filter(([name]) => isBuiltInAttribute(name)),
    [attributes],
  );
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
      <details className="builtins" open>
        <summary>Attributes ({builtIn.length})</summary>
        <dl className="facts mono">
          {builtIn.map(([name, value]) => (
            <div key={name} className="fact-row">
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
});
