import { memo, useMemo } from 'react';
import { allAttributesOf, type ContainerInstance } from '../../design';
import { isBuiltInAttribute } from '../../store/edits';
import { useRunStore } from '../../store/run';

/** The ecs.* attributes ECS sets itself; memberOf and spread read them like any other. */
export const BuiltInAttributes = memo(function BuiltInAttributes({
  ci,
}: {
  ci: ContainerInstance;
}) {
  const live = useRunStore((s) => s.instances[ci.ec2InstanceId]?.attributes);
  const rows = useMemo(
    () => Object.entries(live ?? allAttributesOf(ci)).filter(([name]) => isBuiltInAttribute(name)),
    [live, ci],
  );
  return (
    <details className="builtins">
      <summary>Built-in attributes ({rows.length})</summary>
      <dl className="facts mono">
        {rows.map(([name, value]) => (
          <div key={name} className="fact-row">
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
});
