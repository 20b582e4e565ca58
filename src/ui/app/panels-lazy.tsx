import { lazy, memo, Suspense } from 'react';

// The inspector's forms, JSON views and the import/export they pull in load beside the
// first render, not in it: the panel's own box shows at once, the forms a moment later.
const Inspector = lazy(() =>
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
