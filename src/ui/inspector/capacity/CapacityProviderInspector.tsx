import { memo, useMemo, useState } from 'react';
import { MANAGED_SCALING_DEFAULTS, type ManagedScaling } from '../../../design';
import { deleteCapacityProvider, editCapacityProvider } from '../../../store/design-actions';
import { groupNameOfRef, providerNamed } from '../../../store/edits';
import { select } from '../../../store/session';
import { CheckField } from '../../forms/ChoiceFields';
import { Field } from '../../forms/Field';
import { integerIn } from '../../forms/validate';
import { useShownDesign } from '../../shared/use-shown-design';
import { DesignOverview } from '../DesignOverview';
import { firstIssue } from '../issues';
import { JsonView } from '../JsonView';

const percent = integerIn(1, 100, '%');
const step = integerIn(1, 10_000);
const warmup = integerIn(0, 10_000, 's');

/** A capacity provider (CreateCapacityProvider input): its group and managed scaling (§13.2). */
export const CapacityProviderInspector = memo(function CapacityProviderInspector({
  name,
}: {
  name: string;
}) {
  const design = useShownDesign();
  const provider = useMemo(() => providerNamed(design, name), [design, name]);
  const [deleteRefusal, setDeleteRefusal] = useState<string | undefined>();
  if (!provider) return <DesignOverview />;
  const asg = provider.autoScalingGroupProvider;
  const group = groupNameOfRef(asg.autoScalingGroupArn);
  const ms = asg.managedScaling ?? {};
  const enabled = asg.managedScaling !== undefined && (ms.status ?? 'ENABLED') === 'ENABLED';
  const clusters = design.clusters
    .filter((c) => c.capacityProviders?.includes(name))
    .map((c) => c.clusterName);
  const scaling = (patch: ManagedScaling) =>
    firstIssue(editCapacityProvider(name, { managedScaling: patch }));

  return (
    <div className="inspector-body" data-testid="inspector.capacityProvider">
      <header className="inspector-head">
        <span className="node-kind asg">CP</span>
        <h2>{name}</h2>
      </header>
      <dl className="facts">
        <dt>Auto Scaling group</dt>
        <dd>
          <button
            type="button"
            className="link-button"
            data-testid="inspector.cp.group"
            onClick={() => select({ kind: 'autoScalingGroup', name: group })}
          >
            {group}
          </button>
        </dd>
        <dt>Clusters</dt>
        <dd data-testid="inspector.cp.clusters">{clusters.join(', ') || 'none'}</dd>
      </dl>
      <h3 className="inspector-section">Managed scaling</h3>
      <CheckField
        label="Turn on managed scaling"
        checked={enabled}
        onCommit={(on) => scaling({ status: on ? 'ENABLED' : 'DISABLED' })}
        testId="inspector.cp.managedScaling"
        hint="ECS sets the group's desired capacity from CapacityProviderReservation."
      />
      <Field
        label="Target capacity"
        unit="%"
        inputMode="numeric"
        value={ms.targetCapacity ?? MANAGED_SCALING_DEFAULTS.targetCapacity}
        validate={percent}
        onCommit={(v) => scaling({ targetCapacity: v })}
        testId="inspector.cp.targetCapacity"
        hint="100: every instance runs a task; lower keeps spare instances."
      />
      <div className="field-row end">
        <Field
          label="Minimum scaling step"
          inputMode="numeric"
          value={ms.minimumScalingStepSize ?? MANAGED_SCALING_DEFAULTS.minimumScalingStepSize}
          validate={step}
          onCommit={(v) => scaling({ minimumScalingStepSize: v })}
          testId="inspector.cp.minStep"
        />
        <Field
          label="Maximum scaling step"
          inputMode="numeric"
          value={ms.maximumScalingStepSize ?? MANAGED_SCALING_DEFAULTS.maximumScalingStepSize}
          validate={step}
          onCommit={(v) => scaling({ maximumScalingStepSize: v })}
          testId="inspector.cp.maxStep"
        />
      </div>
      <Field
        label="Instance warm-up period"
        unit="s"
        inputMode="numeric"
        value={ms.instanceWarmupPeriod ?? MANAGED_SCALING_DEFAULTS.instanceWarmupPeriod}
        validate={warmup}
        onCommit={(v) => scaling({ instanceWarmupPeriod: v })}
        testId="inspector.cp.warmup"
      />
      <h3 className="inspector-section">Scale-in</h3>
      <CheckField
        label="Turn on managed termination protection"
        checked={asg.managedTerminationProtection === 'ENABLED'}
        onCommit={(on) =>
          firstIssue(
            editCapacityProvider(name, {
              managedTerminationProtection: on ? 'ENABLED' : 'DISABLED',
            }),
          )
        }
        testId="inspector.cp.terminationProtection"
        hint="Only instances with no tasks terminate. Needs managed scaling and the group's scale-in protection."
      />
      <button
        type="button"
        className="button danger"
        data-testid="inspector.remove"
        onClick={() => setDeleteRefusal(deleteCapacityProvider(name))}
      >
        Delete capacity provider
      </button>
      {deleteRefusal && (
        <p className="field-error" role="alert" data-testid="inspector.remove.error">
          {deleteRefusal}
        </p>
      )}
      <JsonView value={provider} />
    </div>
  );
});
