import { memo, useId, useMemo, useState } from 'react';
import {
  createCapacityProvider,
  deleteAutoScalingGroup,
  editAutoScalingGroup,
} from '../../../store/design-actions';
import {
  groupCluster,
  groupInstanceType,
  groupNamed,
  providersOfGroup,
  templateOfGroup,
  zonesOfCluster,
} from '../../../store/edits';
import { select } from '../../../store/session';
import { CheckField, SelectField } from '../../forms/ChoiceFields';
import { Field } from '../../forms/Field';
import { anyText, integerIn } from '../../forms/validate';
import { InstanceTypePicker } from '../../shared/InstanceTypePicker';
import { useShownDesign } from '../../shared/use-shown-design';
import { DesignOverview } from '../DesignOverview';
import { firstIssue } from '../issues';
import { JsonView } from '../JsonView';

const size = integerIn(0, 10_000);
const bootSeconds = integerIn(0, 3600, 's');

/** An Auto Scaling group (CreateAutoScalingGroup input) and the launch template it launches from. */
export const AutoScalingGroupInspector = memo(function AutoScalingGroupInspector({
  name,
}: {
  name: string;
}) {
  const design = useShownDesign();
  const group = useMemo(() => groupNamed(design, name), [design, name]);
  const typeId = useId();
  const [typeError, setTypeError] = useState<string | undefined>();
  const [deleteRefusal, setDeleteRefusal] = useState<string | undefined>();
  if (!group) return <DesignOverview />;
  const template = templateOfGroup(design, group);
  const cluster = groupCluster(design, group);
  const providers = providersOfGroup(design, name);
  const zones = [
    ...new Set([...zonesOfCluster(design, cluster), ...(group.AvailabilityZones ?? [])]),
  ].sort();
  const chosen = new Set(group.AvailabilityZones ?? []);
  const edit = (patch: Parameters<typeof editAutoScalingGroup>[1]) =>
    firstIssue(editAutoScalingGroup(name, patch));
  const toggleZone = (zone: string, on: boolean) =>
    edit({ AvailabilityZones: zones.filter((z) => (z === zone ? on : chosen.has(z))) });

  return (
    <div className="inspector-body" data-testid="inspector.autoScalingGroup">
      <header className="inspector-head">
        <span className="node-kind asg">ASG</span>
        <h2>{name}</h2>
      </header>
      <p className="inspector-note">
        EC2 Auto Scaling group: launches instances from launch template{' '}
        <strong>{template?.LaunchTemplateName ?? '(none)'}</strong> that join cluster{' '}
        <strong>{cluster}</strong>.
      </p>
      <h3 className="inspector-section">Group size</h3>
      <Field
        label="Desired capacity"
        inputMode="numeric"
        value={group.DesiredCapacity ?? group.MinSize}
        validate={size}
        onCommit={(v) => edit({ DesiredCapacity: v })}
        testId="inspector.asg.desired"
      />
      <div className="field-row end">
        <Field
          label="Min desired capacity"
          inputMode="numeric"
          value={group.MinSize}
          validate={size}
          onCommit={(v) => edit({ MinSize: v })}
          testId="inspector.asg.min"
        />
        <Field
          label="Max desired capacity"
          inputMode="numeric"
          value={group.MaxSize}
          validate={size}
          onCommit={(v) => edit({ MaxSize: v })}
          testId="inspector.asg.max"
        />
      </div>
      <h3 className="inspector-section">Launch template</h3>
      <div className={`field${typeError ? ' invalid' : ''}`}>
        <label htmlFor={typeId}>Instance type</label>
        <InstanceTypePicker
          id={typeId}
          testId="inspector.asg.instanceType"
          value={groupInstanceType(design, group) ?? ''}
          onChange={(t) => setTypeError(edit({ instanceType: t }))}
        />
        {typeError && (
          <p className="field-error" role="alert" data-testid="inspector.asg.instanceType.error">
            {typeError}
          </p>
        )}
      </div>
      <SelectField
        label="Cluster (ECS_CLUSTER in user data)"
        value={cluster}
        options={design.clusters.map((c) => ({ value: c.clusterName }))}
        onCommit={(c) => edit({ cluster: c })}
        testId="inspector.asg.cluster"
        hint="The ECS agent registers each instance in this cluster."
      />
      <h3 className="inspector-section">Network</h3>
      <fieldset className="zone-checks" data-testid="inspector.asg.zones">
        <legend className="field-label">Availability Zones</legend>
        {zones.map((zone) => (
          <CheckField
            key={zone}
            label={zone}
            checked={chosen.has(zone)}
            onCommit={(on) => toggleZone(zone, on)}
            testId={`inspector.asg.zone.${zone}`}
          />
        ))}
      </fieldset>
      <Field
        label="Subnets (VPCZoneIdentifier)"
        value={group.VPCZoneIdentifier ?? ''}
        validate={anyText}
        onCommit={(v) => edit({ VPCZoneIdentifier: v })}
        testId="inspector.asg.subnets"
        hint="Comma-separated subnet ids; empty for none."
      />
      <h3 className="inspector-section">Instances</h3>
      <CheckField
        label="Enable instance scale-in protection"
        checked={group.NewInstancesProtectedFromScaleIn === true}
        onCommit={(on) => edit({ NewInstancesProtectedFromScaleIn: on })}
        testId="inspector.asg.protected"
        hint="NewInstancesProtectedFromScaleIn: needed for managed termination protection."
      />
      <Field
        label="Boot time until the agent registers"
        inputMode="numeric"
        unit="s"
        value={group.bootSeconds ?? 60}
        validate={bootSeconds}
        onCommit={(v) => edit({ bootSeconds: v })}
        testId="inspector.asg.bootSeconds"
        hint="Berth's own (bootSeconds), 60 s by default."
      />
      <h3 className="inspector-section">Capacity providers</h3>
      {providers.length > 0 ? (
        <div className="link-list">
          {providers.map((p) => (
            <button
              type="button"
              key={p.name}
              className="link-button"
              onClick={() => select({ kind: 'capacityProvider', name: p.name })}
              data-testid={`inspector.asg.provider.${p.name}`}
            >
              {p.name}
            </button>
          ))}
        </div>
      ) : (
        <button
          type="button"
          className="button small"
          data-testid="inspector.asg.addProvider"
          onClick={() => createCapacityProvider(name, cluster)}
        >
          Add capacity provider
        </button>
      )}
      <button
        type="button"
        className="button danger"
        data-testid="inspector.remove"
        onClick={() => setDeleteRefusal(deleteAutoScalingGroup(name))}
      >
        Delete Auto Scaling group
      </button>
      {deleteRefusal && (
        <p className="field-error" role="alert" data-testid="inspector.remove.error">
          {deleteRefusal}
        </p>
      )}
      <JsonView value={{ autoScalingGroup: group, launchTemplate: template }} />
    </div>
  );
});
