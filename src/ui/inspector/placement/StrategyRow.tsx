import { memo } from 'react';
import type { PlacementStrategy } from '../../../design';
import { shortStrategy } from '../../why/words';
import {
  CUSTOM_SPREAD,
  choiceOf,
  STRATEGY_CHOICES,
  strategyOfChoice,
  strategyProblem,
} from './strategy-fields';

interface StrategyRowProps {
  index: number;
  count: number;
  strategy: PlacementStrategy;
  /** While typing an attribute name: kept locally, not saved. */
  onDraft: (next: PlacementStrategy) => void;
  onChange: (next: PlacementStrategy) => void;
  onCommit: () => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** Option text short enough for a narrow inspector; the select's title has the full name. */
const label = (choice: string) =>
  choice === `spread(${CUSTOM_SPREAD})` ? 'spread(attribute:…)' : shortStrategy(choice);

/** One strategy, named as ECS names it in traces, and its place in the order. */
export const StrategyRow = memo(function StrategyRow({
  index,
  count,
  strategy,
  onDraft,
  onChange,
  onCommit,
  onMove,
  onRemove,
}: StrategyRowProps) {
  const id = `inspector.strategy.${index}`;
  const problem = strategyProblem(strategy);
  const choice = choiceOf(strategy);
  return (
    <li className="placement-row" data-testid={id}>
      <div className="placement-row-head">
        <span className="step-number">{index + 1}</span>
        <select
          className="strategy-choice"
          aria-label={`Strategy ${index + 1}`}
          data-testid={`${id}.choice`}
          value={choice}
          title={
            strategy.type === 'random' ? 'random' : `${strategy.type}(${strategy.field ?? ''})`
          }
          onChange={(e) => onChange(strategyOfChoice(e.target.value))}
        >
          {STRATEGY_CHOICES.map((c) => (
            <option key={c} value={c}>
              {label(c)}
            </option>
          ))}
        </select>
        <span className="row-tools">
          <button
            type="button"
            className="icon-button"
            aria-label="Move up"
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Move down"
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Remove strategy"
            data-testid={`${id}.remove`}
            onClick={onRemove}
          >
            ×
          </button>
        </span>
      </div>
      {choice === `spread(${CUSTOM_SPREAD})` && (
        <div className="attr-field">
          <span>attribute:</span>
          <input
            aria-label="Attribute to spread by"
            data-testid={`${id}.attribute`}
            placeholder="rack"
            value={(strategy.field ?? '').slice(CUSTOM_SPREAD.length)}
            onChange={(e) =>
              onDraft({ type: 'spread', field: `${CUSTOM_SPREAD}${e.target.value}` })
            }
            onBlur={onCommit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onCommit();
            }}
          />
        </div>
      )}
      {problem && <p className="field-error">{problem}</p>}
    </li>
  );
});
