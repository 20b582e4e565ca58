import { memo } from 'react';
import type { PlacementExplanation, StrategyTrace } from '../../engine';
import { InstanceLabel } from './InstanceLabel';
import { ordinal, tieBreakPick } from './rows';
import { scoreUnit, strategyAim } from './words';

function Scores({
  step,
  names,
  chosen,
}: {
  step: StrategyTrace;
  names: Readonly<Record<string, string>>;
  chosen: string | undefined;
}) {
  const unit = scoreUnit(step.strategy);
  // Attribute spreads read best per value (a few zones) rather than per instance.
  if (step.values) {
    return (
      <ul className="why-scores">
        {step.values.map((v) => (
          <li key={v.value} className={v.score === step.best ? 'kept' : undefined}>
            <span>{v.value}</span>
            <span className="why-score">
              {v.score} {unit}
            </span>
            <span className="why-kept">{v.score === step.best ? 'kept' : ''}</span>
          </li>
        ))}
      </ul>
    );
  }
  if (!step.ranked) return null;
  return (
    <ul className="why-scores">
      {step.ranked.map((r) => {
        const id = names[r.id] ?? r.id;
        const kept = r.score === step.best;
        return (
          <li key={r.id} className={`${kept ? 'kept' : ''}${id === chosen ? ' chosen' : ''}`}>
            <InstanceLabel id={id} />
            <span className="why-score">
              {r.score.toLocaleString('en-US')} {unit}
            </span>
            <span className="why-kept">{kept ? 'kept' : ''}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** The strategies in order, each keeping the candidates tied at its best, then the seeded pick. */
export const StrategySteps = memo(function StrategySteps({
  explanation,
  group,
}: {
  explanation: PlacementExplanation;
  group: string;
}) {
  const { trace, instanceNames, ec2InstanceId } = explanation;
  const pick = tieBreakPick(explanation);
  let entering = trace.candidateCount;
  return (
    <div className="why-section" data-testid="why.strategies">
      <h4>
        Strategies{' '}
        <small className="why-h-note">
          {trace.defaultStrategies ? 'none set: the scheduler’s defaults' : 'in order'}
        </small>
      </h4>
      {trace.strategies.length === 0 && (
        <p className="why-muted">
          {trace.candidateCount === 1
            ? 'One instance passed the filters, so no ranking was needed.'
            : 'No strategy ranked the candidates.'}
        </p>
      )}
      <ol className="why-steps">
        {trace.strategies.map((step, i) => {
          const from = step.ranked?.length ?? entering;
          entering = step.keptCount;
          return (
            // Two steps may share a label (spread twice); the index keeps keys apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are a fixed, ordered list
            <li key={i} data-testid="why.strategy">
              <div className="why-step-head">
                <code>{step.strategy}</code>
                <span className="why-muted">
                  kept {step.keptCount} of {from}
                </span>
              </div>
              <p className="why-aim">{strategyAim(step, group)}</p>
              <Scores step={step} names={instanceNames} chosen={ec2InstanceId} />
            </li>
          );
        })}
      </ol>
      {trace.tieBreak && (
        <p className="why-tie" data-testid="why.tieBreak">
          {trace.tieBreak.among} still tied: the seeded generator took the{' '}
          {ordinal(trace.tieBreak.index + 1)}
          {pick ? (
            <>
              , <code>{pick}</code>
            </>
          ) : null}
          .
        </p>
      )}
    </div>
  );
});
