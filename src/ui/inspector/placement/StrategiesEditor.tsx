import { memo, useEffect, useState } from 'react';
import type { PlacementStrategy } from '../../../design';
import { editService } from '../../../store/design-actions';
import { firstIssue } from '../issues';
import { StrategyRow } from './StrategyRow';
import { MAX_STRATEGIES, moveItem, replaceAt, strategyProblem } from './strategy-fields';

/**
 * The service's placementStrategy: up to 5, applied in order, each breaking the
 * ties the one before left. Valid lists go to the design and, live, UpdateService.
 */
export const StrategiesEditor = memo(function StrategiesEditor({
  name,
  strategies,
}: {
  name: string;
  strategies: readonly PlacementStrategy[];
}) {
  const [drafts, setDrafts] = useState<PlacementStrategy[]>(() => [...strategies]);
  const [error, setError] = useState<string | undefined>();
  const saved = JSON.stringify(strategies);
  useEffect(() => {
    setDrafts(JSON.parse(saved) as PlacementStrategy[]);
    setError(undefined);
  }, [saved]);

  const save = (next: PlacementStrategy[]) => {
    setDrafts(next);
    if (next.some((s) => strategyProblem(s) !== undefined)) return;
    setError(firstIssue(editService(name, { placementStrategy: next })));
  };

  return (
    <div className="placement-list" data-testid="inspector.strategies">
      {drafts.length === 0 && (
        <p className="why-muted">
          None: ECS spreads a service across Availability Zones, then across instances.
        </p>
      )}
      <ol className="strategy-list">
        {drafts.map((s, i) => (
          <StrategyRow
            // biome-ignore lint/suspicious/noArrayIndexKey: the order is the identity of a step
            key={i}
            index={i}
            count={drafts.length}
            strategy={s}
            onDraft={(next) => setDrafts(replaceAt(drafts, i, next))}
            onChange={(next) => save(replaceAt(drafts, i, next))}
            onCommit={() => save(drafts)}
            onMove={(to) => save(moveItem(drafts, i, to))}
            onRemove={() => save(drafts.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      <div className="placement-actions">
        <button
          type="button"
          className="button small"
          data-testid="inspector.strategy.add"
          disabled={drafts.length >= MAX_STRATEGIES}
          onClick={() => save([...drafts, { type: 'binpack', field: 'memory' }])}
        >
          + strategy
        </button>
        <span className="why-muted">
          {drafts.length} of {MAX_STRATEGIES}
        </span>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
});
