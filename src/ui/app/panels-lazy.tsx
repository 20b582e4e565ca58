import { memo, Suspense } from 'react';
import { lazyWithRetry } from '../shared/lazy-retry';

// The inspector's forms, JSON views and the import/export they pull in load beside the
// first render, not in it: the panel's own box shows at once, the forms a moment later.
// A fetch that fails reaches the inspector's PanelBoundary (App.tsx), whose Retry imports again.
const Inspector = lazyWithRetry(() =>
  import('../inspector/Inspector').then((m) => ({ default: m.Inspector })),
);

/** The inspector's empty panel, in the same box, while its code loads. */
function InspectorShell() {
  return (
    <aside className="inspector panel" aria-label="Inspector" aria-busy="true">
      <h2 className="panel-title">Inspector</h2>
    </aside>
  );
}

export const LazyInspector = memo(function LazyInspector() {
  return (
    <Suspense fallback={<InspectorShell />}>
      <Inspector />
    </Suspense>
  );
});
