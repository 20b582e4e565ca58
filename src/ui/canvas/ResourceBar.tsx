import { memo } from 'react';
import { percent } from '../format';

// One formatter for every bar: toLocaleString with a locale builds a new one per call.
const numbers = new Intl.NumberFormat('en-US');

interface ResourceBarProps {
  label: string;
  used: number;
  total: number;
  unit: string;
  testId: string;
}

/** Reserved versus registered, as a bar with the numbers beside it. */
export const ResourceBar = memo(function ResourceBar({
  label,
  used,
  total,
  unit,
  testId,
}: ResourceBarProps) {
  const share = percent(used, total);
  const tone = share >= 90 ? 'full' : share >= 70 ? 'high' : 'ok';
  return (
    <div className="resource" data-testid={testId} data-used={used} data-total={total}>
      <span className="resource-label">{label}</span>
      <span className="resource-track">
        <span className={`resource-fill ${tone}`} style={{ width: `${share}%` }} />
      </span>
      <span className="resource-numbers">
        {numbers.format(used)} / {numbers.format(total)}
        {unit && <small> {unit}</small>}
      </span>
    </div>
  );
});
