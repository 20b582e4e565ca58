import { memo } from 'react';
import type { CustomAttribute } from '../../store/edits';

/** Custom attributes as small tags; built-in ecs.* ones stay in the inspector. */
export const AttributeTags = memo(function AttributeTags({
  attributes,
}: {
  attributes: readonly CustomAttribute[];
}) {
  if (attributes.length === 0) return null;
  return (
    <ul className="attr-tags" data-testid="instance.attributes" aria-label="Custom attributes">
      {attributes.map((a) => (
        <li key={a.name} className="attr-tag" data-testid={`instance.attribute.${a.name}`}>
          {a.name}
          {a.value !== undefined && a.value !== '' && <span>={a.value}</span>}
        </li>
      ))}
    </ul>
  );
});
