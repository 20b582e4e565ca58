import { memo, Suspense } from 'react';
import { lazyWithRetry } from '../shared/lazy-retry';

// "Why hasn't it scaled yet?" shows only once asked, so its explanation views load beside
// the first render, not in it (B8); the dock fetches them when the page is idle, so the
// first click finds them here. A fetch that fails reaches the panel's PanelBoundary
// (Dock.tsx), whose Retry imports again.
const load = () => import('../scaling/ScalingPanel').then((m) => ({ default: m.ScalingPanel }));
const Panel = lazyWithRetry(load);

/** Fetches the panel's chunk once the page has nothing else to do. */
export function prefetchScalingPanel(): void {
  const idle = globalThis.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 1_000));
  idle(() => void load().catch(() => undefined));
}

/** The panel's own head, in its box, for the moment its code is still on the way. */
function ScalingShell() {
  return (
    <section className="scaling-panel" aria-label="Why hasn't it scaled yet?" aria-busy="true">
      <header className="scaling-panel-head">
        <h3 className="dock-title">Why hasn't it scaled yet?</h3>
      </header>
      <div className="scaling-body">
        <p className="why-muted">Asking the simulation…</p>
      </div>
    </section>
  );
}

export const ScalingPanel = memo(function ScalingPanel() {
  return (
    <Suspense fallback={<ScalingShell />}>
      <Panel />
    </Suspense>
  );
});
