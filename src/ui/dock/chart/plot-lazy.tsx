import { memo, Suspense } from 'react';
import { lazyWithRetry } from '../../shared/lazy-retry';
import type { PlotProps } from './Plot';

// Recharts, and the d3 it draws with, loads beside the first render rather than in it
// (B8): the chart's box keeps its size and the axes draw a moment later, before a run has
// any data to show. RunChart mounts this in place of Plot, with the same props. A chunk that
// did not arrive is a ChunkLoadError: the dock's PanelBoundary offers Retry.
const LazyPlot = lazyWithRetry<PlotProps>(() =>
  import('./Plot').then((m) => ({ default: m.Plot })),
);

export const Plot = memo(function Plot(props: PlotProps) {
  return (
    <Suspense fallback={null}>
      <LazyPlot {...props} />
    </Suspense>
  );
});
