import { memo, useMemo } from 'react';
import type { PlacementExplanation } from '../../engine';
import type { PlacementMark, PlacementMarks } from '../../store/explain-marks';
import { InstanceLabel } from './InstanceLabel';
import { instanceRows } from './rows';
import { FILTER_TAGS, shortStrategy } from './words';

const ICONS: Readonly<Record<PlacementMark['kind'] | 'none', string>> = {
  chosen: '✓',
  closest: '◎',
  rejected: '✕',
  outranked: '↓',
  none: '·',
};

function Verdict({ mark, full }: { mark: PlacementMark | undefined; full: boolean }) {
  if (!mark) return <>{full ? 'not in this decision (joined later)' : 'passed (counts only)'}</>;
  switch (mark.kind) {
    case 'chosen':
      return <>chosen</>;
    case 'outranked':
      return (
        <>
          passed the filters;{' '}
          {mark.by === 'tie-break'
            ? 'lost the tie-break'
            : `ranked lower by ${shortStrategy(mark.by)}`}
        </>
      );
    case 'closest':
    case 'rejected':
      return (
        <>
          <span className={`why-tag ${mark.kind}`}>{FILTER_TAGS[mark.filter]}</span>
          {mark.kind === 'closest' && <span className="why-tag closest">closest match</span>}{' '}
          {mark.detail}
        </>
      );
  }
}

/**
 * One row per instance, in ECS's words: the first filter that rejected it and
 * the numbers, or how it fared among the candidates. Stacked, so it reads in a
 * narrow inspector and from the back of a room.
 */
export const InstanceTable = memo(function InstanceTable({
  explanation,
  marks,
}: {
  explanation: PlacementExplanation;
  marks: PlacementMarks;
}) {
  const rows = useMemo(() => instanceRows(explanation, marks), [explanation, marks]);
  const full = explanation.trace.rejected !== undefined;
  return (
    <div className="why-section">
      <h4>Container instances</h4>
      <ul className="why-rows" data-testid="why.instances">
        {rows.map(({ ec2InstanceId, mark }) => {
          const kind = mark?.kind ?? 'none';
          return (
            <li
              key={ec2InstanceId}
              className={`why-row row-${kind}`}
              data-testid={`why.instance.${ec2InstanceId}`}
              data-verdict={kind}
            >
              <span className="why-row-icon" aria-hidden="true">
                {ICONS[kind]}
              </span>
              <InstanceLabel id={ec2InstanceId} />
              <p className="why-row-verdict">
                <Verdict mark={mark} full={full} />
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
});
