import { memo, useState } from 'react';
import type { DesignDocument } from '../../../design';
import {
  createAutoScalingGroup,
  createCapacityProvider,
  editScaling,
} from '../../../store/design-actions';
import {
  groupInstanceType,
  groupNameOfRef,
  providersOfGroup,
  setClusterCapacityProviders,
} from '../../../store/edits';
import { clusterProvidersCommand } from '../../../store/live/scaling-commands';
import { select } from '../../../store/session';
import { CheckField } from '../../forms/ChoiceFields';
import { firstIssue } from '../issues';
import { AlarmEditor } from './AlarmEditor';
import { StrategyItems } from './StrategyItems';

type Cluster = DesignDocument['clusters'][number];

const FARGATE = ['FARGATE', 'FARGATE_SPOT'] as const;

/** PutClusterCapacityProviders: FARGATE and FARGATE_SPOT on or off, and the default strategy. */
function ClusterCapacity({ cluster }: { cluster: Cluster }) {
  const providers = cluster.capacityProviders ?? [];
  const strategy = cluster.defaultCapacityProviderStrategy ?? [];
  const put = (names: readonly string[], items = strategy) =>
    firstIssue(
      editScaling(
        (d) => setClusterCapacityProviders(d, cluster.clusterName, names, items),
        'PutClusterCapacityProviders',
        () => clusterProvidersCommand(cluster.clusterName, names, items),
      ),
    );
  const id = `overview.cluster.${cluster.clusterName}`;
  return (
    <div className="capacity-cluster" data-testid={id}>
      <h4>Cluster {cluster.clusterName}</h4>
      <div className="field-row end">
        {FARGATE.map((f) => (
          <CheckField
            key={f}
            label={f}
            checked={providers.includes(f)}
            onCommit={(on) => put(on ? [...providers, f] : providers.filter((p) => p !== f))}
            testId={`${id}.${f}`}
          />
        ))}
      </div>
      <span className="field-label">Default capacity provider strategy</span>
      <StrategyItems
        providers={providers}
        items={strategy}
        onCommit={(items) => put(providers, items)}
        testId={`${id}.strategy`}
      />
    </div>
  );
}

/** With nothing selected: the design's Auto Scaling groups, capacity providers and alarms. */
export const CapacityOverview = memo(function CapacityOverview({
  design,
}: {
  design: DesignDocument;
}) {
  const groups = design.autoScalingGroups ?? [];
  const providers = design.capacityProviders ?? [];
  const free = groups.filter((g) => providersOfGroup(design, g.AutoScalingGroupName).length === 0);
  const [chosen, setChosen] = useState('');
  const group = free.some((g) => g.AutoScalingGroupName === chosen)
    ? chosen
    : (free[0]?.AutoScalingGroupName ?? '');
  const [error, setError] = useState<string | undefined>();
  const firstCluster = design.clusters[0]?.clusterName;

  return (
    <>
      <h3 className="inspector-section">Auto Scaling groups</h3>
      <ul className="resource-list" data-testid="overview.groups">
        {groups.map((g) => (
          <li key={g.AutoScalingGroupName}>
            <button
              type="button"
              className="resource-row"
              data-testid={`overview.group.${g.AutoScalingGroupName}`}
              onClick={() => select({ kind: 'autoScalingGroup', name: g.AutoScalingGroupName })}
            >
              <strong>{g.AutoScalingGroupName}</strong>
              <span>
                {groupInstanceType(design, g) ?? '?'} · {g.MinSize} /{' '}
                {g.DesiredCapacity ?? g.MinSize} / {g.MaxSize}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button small"
        data-testid="overview.addGroup"
        onClick={() => setError(firstIssue(createAutoScalingGroup(firstCluster)))}
      >
        Add Auto Scaling group
      </button>
      <h3 className="inspector-section">Capacity providers</h3>
      <ul className="resource-list" data-testid="overview.providers">
        {providers.map((p) => (
          <li key={p.name}>
            <button
              type="button"
              className="resource-row"
              data-testid={`overview.provider.${p.name}`}
              onClick={() => select({ kind: 'capacityProvider', name: p.name })}
            >
              <strong>{p.name}</strong>
              <span>
                {groupNameOfRef(p.autoScalingGroupProvider.autoScalingGroupArn)} · managed scaling{' '}
                {(p.autoScalingGroupProvider.managedScaling?.status ?? 'ENABLED') === 'ENABLED' &&
                p.autoScalingGroupProvider.managedScaling
                  ? `${p.autoScalingGroupProvider.managedScaling.targetCapacity ?? 100}%`
                  : 'off'}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {free.length > 0 ? (
        <div className="add-row">
          <select
            aria-label="Auto Scaling group for the new capacity provider"
            data-testid="overview.providerGroup"
            value={group}
            onChange={(e) => setChosen(e.target.value)}
          >
            {free.map((g) => (
              <option key={g.AutoScalingGroupName}>{g.AutoScalingGroupName}</option>
            ))}
          </select>
          <button
            type="button"
            className="button small"
            data-testid="overview.addProvider"
            onClick={() => setError(firstIssue(createCapacityProvider(group, firstCluster)))}
          >
            Add capacity provider
          </button>
        </div>
      ) : (
        <p className="field-hint">
          {groups.length === 0
            ? 'A capacity provider scales an Auto Scaling group: add a group first.'
            : 'Every group has its capacity provider.'}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="overview.error">
          {error}
        </p>
      )}
      {design.clusters.map((c) => (
        <ClusterCapacity key={c.clusterName} cluster={c} />
      ))}
      <h3 className="inspector-section">CloudWatch alarms</h3>
      {(design.alarms ?? []).length === 0 ? (
        <p className="field-hint">
          None. A service's step scaling policy comes with the alarm that invokes it.
        </p>
      ) : (
        <ul className="resource-list" data-testid="overview.alarms">
          {(design.alarms ?? []).map((a) => (
            <li key={a.AlarmName}>
              <details className="alarm-details">
                <summary data-testid={`overview.alarm.${a.AlarmName}`}>
                  <strong>{a.AlarmName}</strong>
                  <span>
                    {a.MetricName} {a.ComparisonOperator.startsWith('Greater') ? '>' : '<'}
                    {a.ComparisonOperator.includes('OrEqual') ? '=' : ''} {a.Threshold}
                  </span>
                </summary>
                <AlarmEditor alarm={a} testId={`overview.alarm.${a.AlarmName}.editor`} />
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  );
});
