import { memo } from 'react';
import type { PlacementMark } from '../../store/explain-marks';
import { markText } from '../why/words';

const ICONS: Readonly<Record<PlacementMark['kind'], string>> = {
  chosen: '✓',
  closest: '◎',
  rejected: '✕',
  outranked: '↓',
};

/** Across the top of an instance node while a "Why" panel is open: its part in the decision. */
export const PlacementRibbon = memo(function PlacementRibbon({ mark }: { mark: PlacementMark }) {
  const text = markText(mark);
  return (
    <div className={`ribbon ribbon-${mark.kind}`} data-testid="instance.placement" title={text}>
      <span className="ribbon-icon" aria-hidden="true">
        {ICONS[mark.kind]}
      </span>
      <span className="ribbon-text">{text}</span>
    </div>
  );
});
