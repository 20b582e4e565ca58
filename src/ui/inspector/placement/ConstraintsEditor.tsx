import { memo, useEffect, useState } from 'react';
import type { PlacementConstraint } from '../../../design';
import { editService } from '../../../store/design-actions';
import { firstIssue } from '../issues';
import { QueryInput } from './QueryInput';
import { checkQuery } from './query-check';
import { MAX_CONSTRAINTS, replaceAt } from './strategy-fields';

interface Draft {
  type: PlacementConstraint['type'];
  expression: string;
}

const toDrafts = (list: readonly PlacementConstraint[]): Draft[] =>
  list.map((c) => ({ type: c.type, expression: c.expression ?? '' }));

const toConstraints = (drafts: readonly Draft[]): PlacementConstraint[] =>
  drafts.map((d) =>
    d.type === 'memberOf' ? { type: 'memberOf', expression: d.expression } : { type: d.type },
  );

const valid = (d: Draft) => d.type === 'distinctInstance' || checkQuery(d.expression).ok;

/**
 * The service's placementConstraints. Rows are drafts until every memberOf
 * parses; then the list goes to the design and, live, to UpdateService.
 */
export const ConstraintsEditor = memo(function ConstraintsEditor({
  name,
  constraints,
  fromTaskDefinition,
}: {
  name: string;
  constraints: readonly PlacementConstraint[];
  /** Constraints the task definition adds; they count toward the 10. */
  fromTaskDefinition: number;
}) {
  const [drafts, setDrafts] = useState(() => toDrafts(constraints));
  const [error, setError] = useState<string | undefined>();
  // Undo, redo or another view changed the list: show it. By content, since every
  // commit through the design gate makes new arrays of the same constraints.
  const saved = JSON.stringify(constraints);
  useEffect(() => {
    setDrafts(toDrafts(JSON.parse(saved) as PlacementConstraint[]));
    setError(undefined);
  }, [saved]);

  const save = (next: readonly Draft[]) => {
    setDrafts([...next]);
    if (!next.every(valid)) return;
    setError(firstIssue(editService(name, { placementConstraints: toConstraints(next) })));
  };
  const room = MAX_CONSTRAINTS - fromTaskDefinition - drafts.length;

  return (
    <div className="placement-list" data-testid="inspector.constraints">
      {drafts.length === 0 && <p className="why-muted">None: any instance with room will do.</p>}
      {drafts.map((d, i) => (
        // Rows have no identity but their place; an edit never reorders them.
        // biome-ignore lint/suspicious/noArrayIndexKey: position is the identity here
        <div className="placement-row" key={i} data-testid={`inspector.constraint.${i}`}>
          <div className="placement-row-head">
            <select
              aria-label="Constraint type"
              data-testid={`inspector.constraint.${i}.type`}
              value={d.type}
              onChange={(e) =>
                save(
                  replaceAt(drafts, i, {
                    ...d,
                    type: e.target.value as Draft['type'],
                  }),
                )
              }
            >
              <option value="memberOf">memberOf</option>
              <option value="distinctInstance">distinctInstance</option>
            </select>
            <button
              type="button"
              className="icon-button"
              aria-label="Remove constraint"
              data-testid={`inspector.constraint.${i}.remove`}
              onClick={() => save(drafts.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
          {d.type === 'memberOf' ? (
            <QueryInput
              value={d.expression}
              testId={`inspector.constraint.${i}.expression`}
              onChange={(expression) => setDrafts(replaceAt(drafts, i, { ...d, expression }))}
              onCommit={() => save(drafts)}
            />
          ) : (
            <p className="field-hint">Each task of the service on a different instance.</p>
          )}
        </div>
      ))}
      <div className="placement-actions">
        <button
          type="button"
          className="button small"
          data-testid="inspector.constraint.addMemberOf"
          disabled={room <= 0}
          onClick={() => setDrafts([...drafts, { type: 'memberOf', expression: '' }])}
        >
          + memberOf
        </button>
        <button
          type="button"
          className="button small"
          data-testid="inspector.constraint.addDistinct"
          disabled={room <= 0 || drafts.some((d) => d.type === 'distinctInstance')}
          onClick={() => save([...drafts, { type: 'distinctInstance', expression: '' }])}
        >
          + distinctInstance
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
});
