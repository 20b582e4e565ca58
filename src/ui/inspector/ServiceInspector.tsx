import { memo, useMemo } from 'react';
import { useDesignStore } from '../../store/design';
import { editService, removeResources } from '../../store/design-actions';
import { summarizeService } from '../../store/edits';
import { useRunStore } from '../../store/run';
import { Field } from '../forms/Field';
import { containerCpu, containerMemory, desiredCount, imageRef } from '../forms/validate';
import { DesignOverview } from './DesignOverview';
import { firstIssue } from './issues';
import { JsonView } from './JsonView';

/** A service's count (live) and its task definition's container (restarts the run). */
export const ServiceInspector = memo(function ServiceInspector({ name }: { name: string }) {
  const design = useDesignStore((s) => s.design);
  const service = useMemo(
    () => design.services.find((s) => s.serviceName === name),
    [design, name],
  );
  const summary = useMemo(() => service && summarizeService(design, service), [design, service]);
  const live = useRunStore((s) => s.services[name]);
  if (!service || !summary) return <DesignOverview />;
  const taskDefinition = design.taskDefinitions[summary.taskDefinitionIndex];

  return (
    <div className="inspector-body" data-testid="inspector.service">
      <header className="inspector-head">
        <span className="node-kind service">Service</span>
        <h2>{name}</h2>
      </header>
      <Field
        label="Desired count"
        inputMode="numeric"
        value={summary.desiredCount}
        validate={desiredCount}
        onCommit={(count) => firstIssue(editService(name, { desiredCount: count }))}
        testId="inspector.desiredCount"
        hint={
          live
            ? `Now: desired ${live.desiredCount} · running ${live.runningCount} · pending ${live.pendingCount}`
            : undefined
        }
      />
      <Field
        label="Container image"
        value={summary.image}
        validate={imageRef}
        onCommit={(image) => firstIssue(editService(name, { image }))}
        testId="inspector.image"
      />
      <div className="field-row">
        <Field
          label="CPU"
          unit="units"
          inputMode="numeric"
          value={summary.cpu}
          validate={containerCpu}
          onCommit={(cpu) => firstIssue(editService(name, { cpu }))}
          testId="inspector.cpu"
        />
        <Field
          label="Memory"
          unit="MiB"
          inputMode="numeric"
          value={summary.memoryMiB}
          validate={containerMemory}
          onCommit={(memoryMiB) => firstIssue(editService(name, { memoryMiB }))}
          testId="inspector.memory"
        />
      </div>
      <p className="inspector-note">
        Desired count goes to the running simulation as <code>UpdateService</code>. Image, CPU and
        memory edit task definition {summary.family}
        {summary.revision === undefined ? '' : `:${summary.revision}`} and restart the simulation at
        0:00.
      </p>
      {live?.placementFailure && <p className="field-error">{live.placementFailure}</p>}
      <button
        type="button"
        className="button danger"
        data-testid="inspector.remove"
        onClick={() => removeResources([{ kind: 'service', name }])}
      >
        Remove service
      </button>
      <JsonView value={{ service, taskDefinition }} />
    </div>
  );
});
