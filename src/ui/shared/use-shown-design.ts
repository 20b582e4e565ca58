import { useMemo } from 'react';
import type { DesignDocument } from '../../design';
import { useDesignStore } from '../../store/design';
import { dueCount, shownDesign } from '../../store/live/shown-design';
import { useRunStore } from '../../store/run';

/**
 * The design as the run stands at the moment shown: the canvas and the inspector read
 * this, so scrubbing shows each moment's desired counts, drained instances and
 * registered instances. It changes only when a command comes due, not every frame.
 */
export function useShownDesign(): DesignDocument {
  const design = useDesignStore((s) => s.design);
  const journal = useRunStore((s) => s.timeline.journal);
  const due = useRunStore((s) => dueCount(design, s.timeline.journal, s.nowMs));
  return useMemo(
    () => shownDesign(design, journal, due === 0 ? 0 : useRunStore.getState().nowMs),
    // `due` decides which entries apply: any moment with the same count shows the same.
    [design, journal, due],
  );
}
