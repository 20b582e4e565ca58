import { memo } from 'react';
import { ExplainBar } from './ExplainBar';
import { Legend } from './Legend';

/** Above the canvas, never over it: what the chip colours mean, and what the marks explain. */
export const CanvasBar = memo(function CanvasBar() {
  return (
    <>
      <div className="canvas-bar">
        <Legend />
      </div>
      <ExplainBar />
    </>
  );
});
