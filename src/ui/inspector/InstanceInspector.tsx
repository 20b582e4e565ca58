import { memo, useMemo, useState } from 'react';
import { availabilityZoneOf, instanceTypeOf } from '../../design';
import { editInstance, removeResources } from '../../store/design-actions';
import { customAttributesOf, statusOf, zonesOf } from '../../store/edits';
import { ON_PREMISES } from '../../store/edits/palette';
import { useRunStore } from '../../store/run';
import { InstanceTypePicker } from '../shared/InstanceTypePicker';
import { useShownDesign } from '../shared/use-shown-design';
import { AttributesEditor } from './AttributesEditor';
import { BuiltInAttributes } from './BuiltInAttributes';
import { DesignOverview } from './DesignOverview';
import { InstanceFacts } from './InstanceFacts';
import { firstIssue } from './issues';
import { JsonView } from './JsonView';
import { LiveInstanceInspector } from './LiveInstanceInspector';
import { StatusToggle } from './StatusToggle';

/**
 * One container instance. Status and custom attributes reach the running
 * simulation live; type and zone are the machine itself and restart it.
 */
export const InstanceInspector = memo(function InstanceInspector({ id }: { id: string }) {
  const design = useShownDesign();
  const ci = useMemo(
    () => design.containerInstances.find((c) => c.ec2InstanceId === id),
    [design, id],
  );
  const zones = useMemo(() => zonesOf(design), [design]);
  const attributes = useMemo(() => (ci ? customAttributesOf(ci) : []), [ci]);
  const [error, setError] = useState<string | undefined>();
  const launched = useRunStore((s) => !ci && s.instances[id] !== undefined);
  if (!ci) return launched ? <LiveInstanceInspector id={id} /> : <DesignOverview />;
  const type = instanceTypeOf(ci) ?? '';
  const az = availabilityZoneOf(ci) ?? '';

  return (
    <div className="inspector-body" data-testid="inspector.instance">
      <header className="inspector-head">
        <span className="node-kind">{az === ON_PREMISES ? 'EXT' : 'EC2'}</span>
        <h2>{id}</h2>
      </header>
      <StatusToggle id={id} status={statusOf(ci)} />
      <div className="field-row">
        <div className="field">
          <label htmlFor="inspector-type">Instance type</label>
          <InstanceTypePicker
            id="inspector-type"
            testId="inspector.instanceType"
            value={type}
            onChange={(name) => setError(firstIssue(editInstance(id, { instanceType: name })))}
          />
        </div>
        <div className="field">
          <label htmlFor="inspector-az">Availability Zone</label>
          <select
            id="inspector-az"
            data-testid="inspector.availabilityZone"
            value={az}
            onChange={(e) =>
              setError(firstIssue(editInstance(id, { availabilityZone: e.target.value })))
            }
          >
            {zones.map((zone) => (
              <option key={zone}>{zone}</option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="inspector-note">Changing the type or zone restarts the simulation at 0:00.</p>
      <h3 className="inspector-section">Custom attributes</h3>
      <AttributesEditor id={id} attributes={attributes} />
      <p className="field-hint">Applied live with PutAttributes and DeleteAttributes.</p>
      <InstanceFacts id={id} />
      <BuiltInAttributes id={id} ci={ci} />
      <button
        type="button"
        className="button danger"
        data-testid="inspector.remove"
        onClick={() => removeResources([{ kind: 'instance', id }])}
      >
        Remove instance
      </button>
      <p className="field-hint">
        A running simulation sees it terminated: its tasks stop and move.
      </p>
      <JsonView value={ci} />
    </div>
  );
});
