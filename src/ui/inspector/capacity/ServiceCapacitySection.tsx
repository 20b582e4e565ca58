import { memo } from 'react';
import { type CreateServiceInput, clusterNameOf, type DesignDocument } from '../../../design';
import { editScaling } from '../../../store/design-actions';
import { setServiceCapacity } from '../../../store/edits';
import { serviceCapacityCommand } from '../../../store/live/scaling-commands';
import { SelectField } from '../../forms/ChoiceFields';
import { firstIssue } from '../issues';
import { StrategyItems } from './StrategyItems';

const LAUNCH_TYPES = ['EC2', 'FARGATE', 'EXTERNAL'] as const;
type LaunchType = (typeof LAUNCH_TYPES)[number];

/**
 * "Compute configuration": a launch type, or a capacity provider strategy over the
 * providers of the service's cluster (none: the cluster's default strategy).
 */
export const ServiceCapacitySection = memo(function ServiceCapacitySection({
  design,
  service,
}: {
  design: DesignDocument;
  service: CreateServiceInput;
}) {
  const clusterName = clusterNameOf(design, service.cluster);
  const cluster = design.clusters.find((c) => c.clusterName === clusterName);
  const providers = cluster?.capacityProviders ?? [];
  const mode = service.launchType === undefined ? 'strategy' : 'launchType';
  const put = (capacity: Parameters<typeof setServiceCapacity>[2], operation = 'UpdateService') =>
    firstIssue(
      editScaling(
        (d) => setServiceCapacity(d, service.serviceName, capacity),
        operation,
        (_after, before) => {
          const shown = before.services.find((s) => s.serviceName === service.serviceName);
          return shown ? serviceCapacityCommand(shown, capacity) : null;
        },
      ),
    );
  const strategy = service.capacityProviderStrategy ?? [];
  return (
    <div data-testid="inspector.compute">
      <h3 className="inspector-section">Compute configuration</h3>
      <SelectField
        label="Compute options"
        value={mode === 'strategy' ? 'strategy' : (service.launchType ?? 'EC2')}
        options={[
          { value: 'strategy', label: 'Capacity provider strategy' },
          ...LAUNCH_TYPES.map((t) => ({ value: t, label: `Launch type ${t}` })),
        ]}
        onCommit={(v) =>
          v === 'strategy'
            ? put({ capacityProviderStrategy: [...strategy] })
            : put({ launchType: v as LaunchType })
        }
        testId="inspector.compute.mode"
      />
      {mode === 'strategy' && (
        <>
          <StrategyItems
            providers={providers}
            items={strategy}
            onCommit={(items) => put({ capacityProviderStrategy: items })}
            testId="inspector.compute.strategy"
          />
          <p className="field-hint">
            {strategy.length === 0
              ? `No strategy of its own: cluster ${clusterName}'s default strategy places its tasks.`
              : 'Base tasks go to one provider first; the rest split by weight.'}
          </p>
        </>
      )}
    </div>
  );
});
