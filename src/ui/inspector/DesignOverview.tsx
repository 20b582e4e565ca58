import { memo, useState } from 'react';
import {
  createCluster,
  deleteCluster,
  editClusterName,
  editRegion,
  renameDesign,
} from '../../store/cluster-actions';
import { useDesignStore } from '../../store/design';
import { clusterUsers } from '../../store/edits/clusters';
import { isPristine, useRunStore } from '../../store/run';
import { Field } from '../forms/Field';
import { ecsName, type Validator } from '../forms/validate';
import { CapacityOverview } from './capacity/CapacityOverview';

const designName: Validator<string> = (text) => {
  const value = text.trim();
  if (value === '') return { ok: false, error: 'Required' };
  if (value.length > 200) return { ok: false, error: 'At most 200 characters' };
  return { ok: true, value };
};

const regionName: Validator<string> = (text) => {
  const value = text.trim();
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(value))
    return { ok: false, error: 'A region such as us-east-1 or eu-west-2' };
  return { ok: true, value };
};

/** The design's clusters: each renamed in place; an empty one removed; another added. */
const ClusterList = memo(function ClusterList() {
  const design = useDesignStore((s) => s.design);
  const running = useRunStore((s) => !isPristine(s));
  const [refusal, setRefusal] = useState<string | undefined>();
  const last = design.clusters.length === 1;
  return (
    <section className="inspector-section" data-testid="inspector.design.clusters">
      <h3>Clusters</h3>
      {design.clusters.map((c, i) => {
        const users = clusterUsers(design, c.clusterName);
        const why = last
          ? 'A design keeps at least one cluster'
          : users.length > 0
            ? `Holds ${users.join(' and ')}`
            : `Delete the empty cluster ${c.clusterName}`;
        return (
          // The button sits level with the input, beside it (a field keeps 10 px below).
          <div
            className="field-row end"
            key={c.clusterName}
            style={{ gridTemplateColumns: '1fr auto' }}
          >
            <Field
              label={i === 0 ? 'Cluster (the default)' : 'Cluster'}
              value={c.clusterName}
              validate={ecsName}
              onCommit={(to) => editClusterName(c.clusterName, to)}
              testId={`inspector.cluster.${c.clusterName}`}
            />
            <button
              type="button"
              className="button small"
              style={{ marginBottom: 13 }}
              data-testid={`inspector.cluster.${c.clusterName}.remove`}
              disabled={last || users.length > 0}
              title={why}
              aria-label={`Delete cluster ${c.clusterName}`}
              onClick={() => setRefusal(deleteCluster(c.clusterName))}
            >
              Delete
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button small"
        data-testid="inspector.cluster.add"
        onClick={() => setRefusal(createCluster())}
      >
        + Cluster
      </button>
      {refusal && (
        <p className="field-error" role="alert">
          {refusal}
        </p>
      )}
      <p className="field-hint">
        {running
          ? 'ECS renames no cluster: a rename, a new or a deleted cluster restarts the run at 0:00.'
          : 'A rename follows everywhere the cluster is named: services, instances, groups, scaling.'}
      </p>
    </section>
  );
});

/** With nothing selected: what the design holds, and how to start. */
export const DesignOverview = memo(function DesignOverview() {
  const design = useDesignStore((s) => s.design);
  // The design lists the instances at 0:00; the ones its groups launched are the run's.
  const launched = useRunStore(
    (s) =>
      s.capacity?.groups.reduce(
        (n, g) => n + g.instances.filter((i) => i.lifecycleState !== 'Terminating').length,
        0,
      ) ?? 0,
  );
  return (
    <div className="inspector-body" data-testid="inspector.design">
      <header className="inspector-head">
        <span className="node-kind">Design</span>
        <h2>{design.name}</h2>
      </header>
      <Field
        label="Name"
        value={design.name}
        validate={designName}
        onCommit={renameDesign}
        testId="inspector.design.name"
      />
      <Field
        label="Region"
        value={design.region}
        validate={regionName}
        onCommit={editRegion}
        testId="inspector.design.region"
        hint="The zones move with it: us-east-1a becomes eu-west-1a."
      />
      <ClusterList />
      <dl className="facts">
        <dt>Instances</dt>
        <dd data-testid="inspector.design.instances">
          {design.containerInstances.length}
          {launched > 0 && ` + ${launched} launched by Auto Scaling`}
        </dd>
        <dt>Services</dt>
        <dd>{design.services.length}</dd>
        <dt>Script</dt>
        <dd>
          {design.script.length === 0
            ? 'none'
            : design.script.map((a) => `${a.action} at ${a.at}s`).join(', ')}
        </dd>
      </dl>
      <p className="inspector-note">
        Select an instance or a service on the canvas to edit it. Drag nodes to move them; Delete
        removes the selected one; Ctrl+Z undoes.
      </p>
      <CapacityOverview design={design} />
    </div>
  );
});
