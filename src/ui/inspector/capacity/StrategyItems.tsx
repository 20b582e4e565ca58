import { memo } from 'react';
import type { CapacityProviderStrategyItem } from '../../../design';
import { Field } from '../../forms/Field';
import { integerIn } from '../../forms/validate';

const base = integerIn(0, 100_000);
const weight = integerIn(0, 1000);

/**
 * A capacity provider strategy as base and weight per provider (§13.1): one row for
 * each provider the cluster has; a row with base 0 and weight 0 is not in the strategy.
 */
export const StrategyItems = memo(function StrategyItems({
  providers,
  items,
  onCommit,
  testId,
}: {
  providers: readonly string[];
  items: readonly CapacityProviderStrategyItem[];
  onCommit: (items: CapacityProviderStrategyItem[]) => unknown;
  testId: string;
}) {
  if (providers.length === 0)
    return <p className="field-hint">The cluster has no capacity providers yet.</p>;
  const rows = providers.map(
    (name) => items.find((i) => i.capacityProvider === name) ?? { capacityProvider: name },
  );
  const commit = (name: string, patch: Partial<CapacityProviderStrategyItem>) =>
    onCommit(rows.map((r) => (r.capacityProvider === name ? { ...r, ...patch } : r)));
  return (
    <ul className="strategy-items" data-testid={testId}>
      {rows.map((row) => (
        <li key={row.capacityProvider} data-testid={`${testId}.${row.capacityProvider}`}>
          <span className="strategy-provider">{row.capacityProvider}</span>
          <Field
            label="Base"
            inputMode="numeric"
            value={row.base ?? 0}
            validate={base}
            onCommit={(value) => commit(row.capacityProvider, { base: value })}
            testId={`${testId}.${row.capacityProvider}.base`}
          />
          <Field
            label="Weight"
            inputMode="numeric"
            value={row.weight ?? 0}
            validate={weight}
            onCommit={(value) => commit(row.capacityProvider, { weight: value })}
            testId={`${testId}.${row.capacityProvider}.weight`}
          />
        </li>
      ))}
    </ul>
  );
});
