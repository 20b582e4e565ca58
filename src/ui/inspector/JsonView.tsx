import { memo, useMemo } from 'react';

/** The selected resource exactly as the design holds it: AWS input shapes, read-only. */
export const JsonView = memo(function JsonView({ value }: { value: unknown }) {
  const text = useMemo(() => JSON.stringify(value, null, 2), [value]);
  return (
    <details className="json-view" open>
      <summary>JSON</summary>
      <pre data-testid="inspector.json">{text}</pre>
    </details>
  );
});
