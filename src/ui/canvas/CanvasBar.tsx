import { memo } from 'react';
import { ExplainBar } from './ExplainBar';
import { Legend } from './Legend';
import { ServiceLegend } from './ServiceLegend';

/** Above the canvas, never over it: what the chip fills and stripes mean, and what the marks explain. */
export const CanvasBar = memo(function CanvasBar() {
  return (
    <>
      <div className="canvas-bar">
        <Legend />
        <ServiceLegend />
      </div>
      <ExplainBar />
    </>
  );
});
