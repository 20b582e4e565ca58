import { memo, useMemo } from 'react';
import type { PlacementConstraint, PlacementStrategy } from '../../design';
import {
  editService,
  failOneTarget,
  removeResources,
  stopOneTask,
} from '../../store/design-actions';
import { summarizeService } from '../../store/edits';
import { deployFailingRevision } from '../../store/fault-actions';
import { isPristine, useRunStore } from '../../store/run';
import { networkText } from '../canvas/service-text';
import { TargetGroupLine } from '../canvas/TargetGroupLine';
import { Field } from '../forms/Field';
import { containerCpu, containerMemory, desiredCount, imageRef } from '../forms/validate';
import { useShownDesign } from '../shared/use-shown-design';
import { WhyFor } from '../why/WhyFor';
import { AwsInputs } from './AwsInputs';
import { ServiceCapacitySection } from './capacity/ServiceCapacitySection';
import { ServiceScalingSection } from './capacity/ServiceScalingSection';
import { DeploymentSection } from './DeploymentSection';
import { DesignOverview } from './DesignOverview';
import { DiscoverySection } from './DiscoverySection';
import { firstIssue } from './issues';
import { NetworkSection } from './NetworkSection';
import { ConstraintsEditor } from './placement/ConstraintsEditor';
import { StrategiesEditor } from './placement/StrategiesEditor';

const NO_CONSTRAINTS: readonly PlacementConstraint[] = [];
const NO_STRATEGIES: readonly PlacementStrategy[] = [];

/**
 * A service: count, placement and deployment settings go to the run live (UpdateService);
 * a changed container registers the next revision and deploys it.
 */
export const ServiceInspector = memo(function ServiceInspector({ name }: { name: string }) {
  const design = useShownDesign();
  const service = useMemo(
    () => design.services.find((s) => s.serviceName === name),
    [design, name],
  );
  const summary = useMemo(() => service && summarizeService(design, service), [design, service]);
  const live = useRunStore((s) => s.services[name]);
  const running = useRunStore((s) => !isPristine(s));
  if (!service || !summary) return <DesignOverview />;
  const taskDefinition = design.taskDefinitions[summary.taskDefinitionIndex];
  const daemon = summary.schedulingStrategy === 'DAEMON';

  return (
    <div className="inspector-body" data-testid="inspector.service">
      <header className="inspector-head">
        <span className="node-kind service">Service</span>
        <h2>{name}</h2>
        {daemon && <span className="pill daemon">DAEMON</span>}
      </header>
      <WhyFor
        kind="service"
        name={name}
        group={`service:${name}`}
        waiting={live?.placementFailure !== undefined}
      />
      {daemon ? (
        <p className="inspector-note">
          DAEMON: one task on every ACTIVE instance that meets the constraints
          {live ? ` (now ${live.runningCount} running, ${live.pendingCount} pending)` : ''}.
        </p>
      ) : (
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
      )}
      <h3 className="inspector-section">Placement constraints</h3>
      <ConstraintsEditor
        name={name}
        constraints={service.placementConstraints ?? NO_CONSTRAINTS}
        fromTaskDefinition={taskDefinition?.placementConstraints?.length ?? 0}
      />
      <h3 className="inspector-section">Placement strategy</h3>
      {daemon ? (
        <p className="why-muted">A DAEMON service takes no strategy: one task per instance.</p>
      ) : (
        <StrategiesEditor name={name} strategies={service.placementStrategy ?? NO_STRATEGIES} />
      )}
      <p className="field-hint">Count and placement go to the run live as UpdateService.</p>
      <ServiceScalingSection design={design} service={service} />
      <ServiceCapacitySection design={design} service={service} />
      <NetworkSection design={design} service={service} />
      {running && (
        <div className="fault-row" data-testid="inspector.faults">
          <span className="field-label">Faults</span>
          <button
            type="button"
            className="fault-button"
            onClick={() => stopOneTask(name)}
            data-testid="inspector.stopTask"
            title="StopTask on one of its RUNNING tasks: the service replaces it"
          >
            Stop a task
          </button>
          <button
            type="button"
            className="fault-button"
            onClick={() => deployFailingRevision(name, 'FAIL_TO_START')}
            data-testid="inspector.deployFailToStart"
            title="Deploy the next revision, made so its tasks never start (RegisterTaskDefinition, FailRevision, UpdateService)"
          >
            Deploy a revision that fails to start
          </button>
          <button
            type="button"
            className="fault-button"
            onClick={() => deployFailingRevision(name, 'FAIL_HEALTH_CHECK')}
            data-testid="inspector.deployFailHealth"
            title="Deploy the next revision, made so its tasks fail their health checks (RegisterTaskDefinition, FailRevision, UpdateService)"
          >
            Deploy a revision that fails health checks
          </button>
          {live?.targetGroups?.map((tg) => (
            <button
              type="button"
              key={tg.targetGroupArn}
              className="fault-button"
              onClick={() => failOneTarget(tg.targetGroupArn)}
              data-testid={`inspector.failTarget.${tg.name}`}
              title={`One healthy target in ${tg.name} starts failing its checks (FailTargetHealth)`}
            >
              Fail a target in {tg.name}
            </button>
          ))}
        </div>
      )}
      {live?.targetGroups && (
        <>
          <h3 className="inspector-section">Load balancing</h3>
          <TargetGroupLine view={live} />
          <p className="field-hint">
            A stopped task drains from its target groups for their deregistration delay before its
            stop signal.
          </p>
        </>
      )}
      <DiscoverySection design={design} service={service} />
      <h3 className="inspector-section">Task definition</h3>
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
      <p className="field-hint">Network: {networkText(summary)}</p>
      <p className="inspector-note" data-testid="inspector.taskDefinitionNote">
        {running
          ? `Image, CPU and memory register ${summary.family}'s next revision and deploy it (RegisterTaskDefinition, then UpdateService).`
          : `Image, CPU and memory edit task definition ${summary.family}${summary.revision === undefined ? '' : `:${summary.revision}`}.`}
      </p>
      <DeploymentSection design={design} service={service} />
      <button
        type="button"
        className="button danger"
        data-testid="inspector.remove"
        onClick={() => removeResources([{ kind: 'service', name }])}
      >
        Remove service
      </button>
      <AwsInputs design={design} service={service} />
    </div>
  );
});
