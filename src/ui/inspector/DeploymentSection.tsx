import { memo, useMemo, useState } from 'react';
import {
  type CreateServiceInput,
  type DesignDocument,
  parseTaskDefinitionRef,
  taskDefinitionRevisions,
} from '../../design';
import {
  deployRevision,
  forceNewDeployment,
  setDeploymentConfiguration,
} from '../../store/design-actions';
import { isPristine, useRunStore } from '../../store/run';
import { Field } from '../forms/Field';
import { integerIn } from '../forms/validate';
import { AlarmStates } from './AlarmStates';
import { firstIssue } from './issues';

// ECS publishes no upper limit for maximumPercent; 1,000% is past any real use.
const percent = integerIn(0, 1000, '%');
const share = integerIn(1, 100, '%');
const bakeMinutes = integerIn(0, 1440, 'min');

type Config = CreateServiceInput['deploymentConfiguration'];

/** One of a step's two settings: its key in the configuration, its label, ECS's default. */
interface StepSetting {
  key: string;
  label: string;
  fallback: number;
  testId: string;
}

/** A canary's or a linear step's share of traffic and how long it stays (§11). */
function StepFields({
  name,
  config,
  group,
  share: shareSetting,
  bake,
}: {
  name: string;
  config: Config;
  group: 'canaryConfiguration' | 'linearConfiguration';
  share: StepSetting;
  bake: StepSetting;
}) {
  const current = (config?.[group] ?? {}) as Record<string, unknown>;
  const field = (setting: StepSetting, unit: string, validate: typeof share) => (
    <Field
      label={setting.label}
      unit={unit}
      inputMode="numeric"
      value={
        typeof current[setting.key] === 'number'
          ? (current[setting.key] as number)
          : setting.fallback
      }
      validate={validate}
      onCommit={(v) =>
        firstIssue(setDeploymentConfiguration(name, { [group]: { ...current, [setting.key]: v } }))
      }
      testId={`inspector.${setting.testId}`}
    />
  );
  return (
    <div className="field-row">
      {field(shareSetting, '%', share)}
      {field(bake, 'min', bakeMinutes)}
    </div>
  );
}

/**
 * How the service deploys (minimumHealthyPercent, maximumPercent, the circuit breaker)
 * and, during a run, its deployments as DescribeServices lists them, with a revision
 * to deploy and forceNewDeployment.
 */
export const DeploymentSection = memo(function DeploymentSection({
  design,
  service,
}: {
  design: DesignDocument;
  service: CreateServiceInput;
}) {
  const name = service.serviceName;
  const daemon = service.schedulingStrategy === 'DAEMON';
  const live = useRunStore((s) => s.services[name]);
  const running = useRunStore((s) => !isPristine(s));
  const [error, setError] = useState<string | undefined>();
  const config = service.deploymentConfiguration;
  const min = config?.minimumHealthyPercent ?? (daemon ? 0 : 100);
  const max = config?.maximumPercent ?? (daemon ? 100 : 200);
  const breaker = config?.deploymentCircuitBreaker ?? { enable: false, rollback: false };
  const strategy = config?.strategy ?? 'ROLLING';
  // ECS's blue/green family needs a second target group (§11).
  const blueGreen = (service.loadBalancers ?? []).some((l) => l.advancedConfiguration);
  const { family } = parseTaskDefinitionRef(service.taskDefinition);
  const revisions = useMemo(
    () => taskDefinitionRevisions(design).filter((r) => r.family === family),
    [design, family],
  );
  const shownRevision = live?.deployments[0]?.taskDefinition ?? `${family}:${revisions.length}`;
  const setBreaker = (enable: boolean, rollback: boolean) =>
    setError(
      firstIssue(
        setDeploymentConfiguration(name, { deploymentCircuitBreaker: { enable, rollback } }),
      ),
    );

  return (
    <section data-testid="inspector.deployment">
      <h3 className="inspector-section">Deployment</h3>
      <div className="field-row">
        <Field
          label="Min healthy"
          unit="%"
          inputMode="numeric"
          value={min}
          validate={percent}
          onCommit={(v) =>
            firstIssue(setDeploymentConfiguration(name, { minimumHealthyPercent: v }))
          }
          testId="inspector.minimumHealthyPercent"
        />
        <Field
          label="Maximum"
          unit="%"
          inputMode="numeric"
          value={max}
          validate={percent}
          onCommit={(v) => firstIssue(setDeploymentConfiguration(name, { maximumPercent: v }))}
          testId="inspector.maximumPercent"
        />
      </div>
      {live && (
        <p className="field-hint" data-testid="inspector.bounds">
          With desired {live.desiredCount}: at least {live.bounds.lower} healthy, at most{' '}
          {live.bounds.upper} running or pending.
        </p>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={breaker.enable}
          onChange={(e) => setBreaker(e.target.checked, breaker.rollback)}
          data-testid="inspector.circuitBreaker"
        />
        Circuit breaker: fail the deployment when its tasks keep failing
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={breaker.rollback}
          disabled={!breaker.enable}
          onChange={(e) => setBreaker(breaker.enable, e.target.checked)}
          data-testid="inspector.rollback"
        />
        Roll back to the last completed deployment
      </label>
      {error && <p className="field-error">{error}</p>}
      {live?.alarms && live.alarms.length > 0 && (
        <>
          <span className="field-label">Alarms that fail a deployment</span>
          <AlarmStates alarms={live.alarms} />
        </>
      )}
      {blueGreen && (
        <>
          <label className="field">
            <span className="field-label">Strategy</span>
            <select
              value={strategy}
              onChange={(e) =>
                setError(
                  firstIssue(
                    setDeploymentConfiguration(name, {
                      strategy: e.target.value as NonNullable<typeof config>['strategy'] & string,
                    }),
                  ),
                )
              }
              data-testid="inspector.strategy"
            >
              <option value="ROLLING">Rolling update</option>
              <option value="BLUE_GREEN">Blue/green: all traffic at once</option>
              <option value="LINEAR">Linear: traffic in steps</option>
              <option value="CANARY">Canary: a share first, then the rest</option>
            </select>
          </label>
          {strategy === 'CANARY' && (
            <StepFields
              name={name}
              config={config}
              group="canaryConfiguration"
              share={{
                key: 'canaryPercent',
                label: 'Canary',
                fallback: 5,
                testId: 'canaryPercent',
              }}
              bake={{
                key: 'canaryBakeTimeInMinutes',
                label: 'For',
                fallback: 10,
                testId: 'canaryBake',
              }}
            />
          )}
          {strategy === 'LINEAR' && (
            <StepFields
              name={name}
              config={config}
              group="linearConfiguration"
              share={{ key: 'stepPercent', label: 'Step', fallback: 10, testId: 'stepPercent' }}
              bake={{
                key: 'stepBakeTimeInMinutes',
                label: 'Every',
                fallback: 6,
                testId: 'stepBake',
              }}
            />
          )}
        </>
      )}
      {running && (
        <div className="deploy-actions">
          <label className="field">
            <span className="field-label">Revision</span>
            <select
              value={shownRevision}
              onChange={(e) => deployRevision(name, e.target.value)}
              data-testid="inspector.revision"
            >
              {revisions.map((r) => (
                <option key={r.revision} value={`${r.family}:${r.revision}`}>
                  {r.family}:{r.revision} · {r.input.containerDefinitions[0]?.image ?? ''}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            onClick={() => forceNewDeployment(name)}
            data-testid="inspector.forceNewDeployment"
          >
            Force new deployment
          </button>
        </div>
      )}
      {live && live.deployments.length > 0 && (
        <table className="deployments" data-testid="inspector.deployments">
          <thead>
            <tr>
              <th title="status">Status</th>
              <th title="task definition">Rev.</th>
              <th>Rollout</th>
              <th title="running / desired">Tasks</th>
              <th title="failed tasks in a row (circuit breaker)">Fail</th>
            </tr>
          </thead>
          <tbody>
            {live.deployments.map((d) => (
              <tr key={d.id} title={d.rolloutStateReason} data-rollout={d.rolloutState}>
                <td>{d.status}</td>
                <td>{d.taskDefinition}</td>
                <td className={`rollout ${d.rolloutState.toLowerCase()}`}>{d.rolloutState}</td>
                <td>
                  {d.runningCount}/{d.desiredCount}
                  {d.pendingCount > 0 ? ` +${d.pendingCount}` : ''}
                </td>
                <td>{d.failedTasks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {live?.deployments[0] && live.deployments[0].rolloutState === 'FAILED' && (
        <p className="field-error" data-testid="inspector.deploymentReason">
          {live.deployments[0].rolloutStateReason}
        </p>
      )}
    </section>
  );
});
