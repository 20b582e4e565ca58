import { memo } from 'react';
import { STATUS_COLORS, STATUS_ORDER } from '../status';

/** Task lastStatus colours, for the canvas and the chart alike. */
export const Legend = memo(function Legend() {
  return (
    <ul className="legend" data-testid="legend" aria-label="Task status colours">
      {STATUS_ORDER.map((status) => (
        <li key={status}>
          <span className="legend-swatch" style={{ background: STATUS_COLORS[status] }} />
          {status}
        </li>
      ))}
    </ul>
  );
});
