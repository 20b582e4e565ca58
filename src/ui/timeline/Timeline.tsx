import { memo, useRef } from 'react';
import { useRunStore } from '../../store/run';
import { goToEnd, scrubTo, stepBy } from '../../store/time-nav';
import type { MarkKind, TimelineMark } from '../../worker/run';
import { timeDomainEnd } from '../dock/chart/axis';
import { PLOT_LEFT, PLOT_RIGHT } from '../dock/chart/geometry';
import { formatClock } from '../format';
import { railPercent, timeAtPointer, visibleMarks } from './position';

export const MARK_LABELS: Record<MarkKind, string> = {
  command: 'Command',
  'placement-failure': 'Placement failure',
  'steady-state': 'Steady state',
  'instance-terminated': 'Instance terminated',
};

const Marks = memo(function Marks({
  marks,
  toMs,
}: {
  marks: readonly TimelineMark[];
  toMs: number;
}) {
  const shown = visibleMarks(marks, toMs, 800);
  return (
    <>
      {shown.map((m) => (
        <button
          type="button"
          tabIndex={-1}
          key={`${m.kind}-${m.atMs}-${m.text}`}
          className={`timeline-mark mark-${m.kind}`}
          style={{ left: `${railPercent(m.atMs, toMs)}%` }}
          data-testid="timeline.mark"
          data-kind={m.kind}
          data-at-ms={m.atMs}
          title={`${formatClock(m.atMs)} ${MARK_LABELS[m.kind]}: ${m.text}`}
          aria-label={`${MARK_LABELS[m.kind]} at ${formatClock(m.atMs)}: ${m.text}`}
          onPointerDown={(e) => e.stopPropagation()}
          onClick={() => scrubTo(m.atMs)}
        />
      ))}
    </>
  );
});

/**
 * The run under the chart, on the chart's own time axis: what the shown branch has
 * played, a mark for each command and notable event, and the playhead. Drag anywhere
 * to show that moment; the keys step through time.
 */
export const Timeline = memo(function Timeline() {
  const rail = useRef<HTMLDivElement>(null);
  const nowMs = useRunStore((s) => s.nowMs);
  const endMs = useRunStore((s) => s.endMs);
  const marks = useRunStore((s) => s.timeline.marks);
  const ready = useRunStore((s) => s.status === 'ready');
  const toMs = timeDomainEnd(endMs);

  const at = (clientX: number) => {
    const box = rail.current?.getBoundingClientRect();
    return box ? timeAtPointer(clientX, box.left, box.width, toMs) : 0;
  };

  return (
    <div className="timeline" style={{ paddingLeft: PLOT_LEFT, paddingRight: PLOT_RIGHT }}>
      <div
        ref={rail}
        className="timeline-rail"
        role="slider"
        tabIndex={0}
        aria-label="Timeline: drag or use the arrow keys to show a moment"
        aria-valuemin={0}
        aria-valuemax={endMs}
        aria-valuenow={nowMs}
        aria-valuetext={`${formatClock(nowMs)} of ${formatClock(endMs)} played`}
        aria-disabled={!ready}
        data-testid="timeline"
        data-now-ms={nowMs}
        data-end-ms={endMs}
        onPointerDown={(e) => {
          if (!ready) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          scrubTo(at(e.clientX));
        }}
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) scrubTo(at(e.clientX));
        }}
        onKeyDown={(e) => {
          const handled = timelineKey(e.key, e.shiftKey);
          if (handled) {
            e.preventDefault();
            e.stopPropagation();
          }
        }}
      >
        <div className="timeline-played" style={{ width: `${railPercent(endMs, toMs)}%` }} />
        <Marks marks={marks} toMs={toMs} />
        <div
          className="timeline-playhead"
          style={{ left: `${railPercent(nowMs, toMs)}%` }}
          data-testid="timeline.playhead"
        >
          <span className="timeline-playhead-time">{formatClock(nowMs)}</span>
        </div>
      </div>
    </div>
  );
});

/** The timeline's keys, shared with the page-wide shortcuts. */
export function timelineKey(key: string, shift: boolean): boolean {
  if (useRunStore.getState().status !== 'ready') return false;
  switch (key) {
    case 'ArrowLeft':
      stepBy(shift ? -10_000 : -1000);
      return true;
    case 'ArrowRight':
      stepBy(shift ? 10_000 : 1000);
      return true;
    case 'Home':
      scrubTo(0);
      return true;
    case 'End':
      goToEnd();
      return true;
    default:
      return false;
  }
}
