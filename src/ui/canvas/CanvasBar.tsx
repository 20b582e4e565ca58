import { memo } from 'react';
import { Legend } from './Legend';

/** Above the canvas, never over it: what the chip colours mean. */
export const CanvasBar = memo(function CanvasBar() {
  return (
    <div className="canvas-bar">
      <Legend />
    </div>
  );
});
