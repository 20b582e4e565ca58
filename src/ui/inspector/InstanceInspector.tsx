import { memo, useMemo, useState } from 'react';
import { availabilityZoneOf, INSTANCE_TYPE_NAMES, instanceTypeOf } from '../../design';
import { useDesignStore } from '../../store/design';
import { editInstance, removeResources } from '../../store/design-actions';
import { zonesOf } from '../../store/edits';
import { useRunStore } from '../../store/run';
import { DesignOverview } from './DesignOverview';
import { firstIssue } from './issues';
import { JsonView } from './JsonView';

/** Instance type and zone of one container instance; both restart the run. */
export const InstanceInspector = memo(function InstanceInspector({ id }: { id: string }) {
  const design = useDesignStore((s) => s.design);
  const ci = useMemo(
    () => design.containerInstances.find((c) => c.ec2InstanceId === id),
    [design, id],
  );
  const zones = useMemo(() => zonesOf(design), [design]);
  const live = useRunStore((s) => s.instances[id]);
  const [error, setError] = useState<string | undefined>();
  if (!ci) return <DesignOverview />;
  const type = instanceTypeOf(ci) ?? '';
  const az = availabilityZoneOf(ci) ?? '';
  const types = INSTANCE_TYPE_NAMES.includes(type as never)
    ? INSTANCE_TYPE_NAMES
    : [type, ...INSTANCE_TYPE_NAMES];

  return (
    <div className="inspector-body" data-testid="inspector.instance">
      <header className="inspector-head">
        <span className="node-kind">EC2</span>
        <h2>{id}</h2>
      </header>
      <div className="field">
        <label htmlFor="inspector-type">Instance type</label>
        <select
          id="inspector-type"
          data-testid="inspector.instanceType"
          value={type}
          onChange={(e) => setError(firstIssue(editInstance(id, { instanceType: e.target.value })))}
        >
          {types.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
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
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="inspector-note">Changing the type or zone restarts the simulation at 0:00.</p>
      {live && (
        <dl className="facts">
          <dt>Status</dt>
          <dd>{live.status}</dd>
          <dt>Tasks</dt>
          <dd>
            {live.runningTasksCount} running · {live.pendingTasksCount} pending
          </dd>
          <dt>Remaining</dt>
          <dd>
            {live.remainingCpu} CPU · {live.remainingMemoryMiB} MiB
          </dd>
        </dl>
      )}
      <button
        type="button"
        className="button danger"
        data-testid="inspector.remove"
        onClick={() => removeResources([{ kind: 'instance', id }])}
      >
        Remove instance
      </button>
      <JsonView value={ci} />
    </div>
  );
});
