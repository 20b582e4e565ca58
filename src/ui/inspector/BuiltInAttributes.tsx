import { memo, useMemo } from 'react';
import { allAttributesOf, type ContainerInstance } from '../../design';
import { isBuiltInAttribute } from '../../store/edits';
import { useRunStore } from '../../store/run';

/**
 * The ecs.* attributes ECS sets itself; memberOf and spread read them like any other.
 * The run's, else (before it registers) what the design's instance will report.
 */
export const BuiltInAttributes = memo(function BuiltInAttributes({
  id,
  ci,
  open,
}: {
  id: string;
  ci?: ContainerInstance;
  open?: boolean;
}) {
  const live = useRunStore((s) => s.instances[id]?.attributes);
  const rows = useMemo(
    () =>
      Object.entries(live ?? (ci ? allAttributesOf(ci) : {})).filter(([name]) =>
        isBuiltInAttribute(name),
      ),
    [live, ci],
  );
  return (
    <details className="builtins" open={open}>
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
