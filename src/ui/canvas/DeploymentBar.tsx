import { memo } from 'react';
import type { ServiceView } from '../../engine';

interface Segment {
  key: string;
  count: number;
  className: string;
  title: string;
}

/**
 * A deployment at a glance: the new revision's tasks (healthy, running, pending) and the
 * old ones still serving, against the bounds it must keep: the tick at the left is
 * minimumHealthyPercent, the bar's end maximumPercent.
 */
export const DeploymentBar = memo(function DeploymentBar({
  view,
  color,
}: {
  view: ServiceView;
  color: string;
}) {
  const [primary, ...older] = view.deployments;
  if (!primary) return null;
  const rolling = older.length > 0 || primary.rolloutState !== 'COMPLETED';
  // The deployment a service is created with is the service starting, not a deployment.
  if (!rolling && primary.createdAtMs === 0) return null;
  const { lower, upper } = view.bounds;
  const oldRunning = older.reduce((n, d) => n + d.runningCount, 0);
  const oldPending = older.reduce((n, d) => n + d.pendingCount, 0);
  const segments: Segment[] = [
    {
      key: 'new-healthy',
      count: primary.healthyCount,
      className: 'new healthy',
      title: `${primary.taskDefinition}: healthy`,
    },
    {
      key: 'new-running',
      count: primary.runningCount - primary.healthyCount,
      className: 'new running',
      title: `${primary.taskDefinition}: running, not yet healthy`,
    },
    {
      key: 'new-pending',
      count: primary.pendingCount,
      className: 'new pending',
      title: `${primary.taskDefinition}: pending`,
    },
    {
      key: 'old-running',
      count: oldRunning,
      className: 'old running',
      title: 'older revision: running',
    },
    {
      key: 'old-pending',
      count: oldPending,
      className: 'old pending',
      title: 'older revision: pending',
    },
  ];
  const total = segments.reduce((n, s) => n + Math.max(0, s.count), 0);
  const scale = Math.max(upper, total, view.desiredCount, 1);
  const state = primary.rolloutState;
  const kind = primary.strategy.toLowerCase().replace('_', '/');
  const stageText: Record<string, string> = {
    SCALE_UP: `${kind}: scaling up`,
    PRODUCTION_TRAFFIC_SHIFT: `${kind} ${primary.trafficPercent ?? 0}%`,
    BAKE_TIME: `${kind} 100%, baking`,
    CLEAN_UP: `${kind}: cleaning up`,
  };
  const label =
    state === 'FAILED'
      ? 'failed'
      : state === 'COMPLETED'
        ? 'deployed'
        : primary.rollback
          ? 'rolling back'
          : primary.stage
            ? (stageText[primary.stage] ?? kind)
            : 'deploying';
  const from = older.length > 0 ? `from ${older.map((d) => d.taskDefinition).join(', ')} · ` : '';
  return (
    <div
      className={`deployment deployment-${state.toLowerCase()}`}
      data-testid="service.deployment"
      data-rollout={state}
      data-revision={primary.taskDefinition}
      data-new-healthy={primary.healthyCount}
      data-old-running={oldRunning}
      data-rollback={primary.rollback}
      data-stage={primary.stage}
      data-traffic={primary.trafficPercent}
      title={primary.rolloutStateReason}
    >
      <div className="deployment-line">
        <strong>{primary.taskDefinition}</strong>
        <span>{label}</span>
        <span className="deployment-count">
          {primary.healthyCount}/{view.desiredCount} healthy
        </span>
      </div>
      <div className="deployment-bar" style={{ ['--new' as string]: color }}>
        {segments.map((s) =>
          s.count > 0 ? (
            <span
              key={s.key}
              className={`deployment-seg ${s.className}`}
              style={{ width: `${(s.count / scale) * 100}%` }}
              title={`${s.title}: ${s.count}`}
            />
          ) : null,
        )}
        {lower > 0 && (
          <span
            className="deployment-tick"
            style={{ left: `${(lower / scale) * 100}%` }}
            title={`minimumHealthyPercent ${view.minimumHealthyPercent}%: at least ${lower} healthy`}
          />
        )}
      </div>
      <div className="deployment-bounds">
        {from}min {view.minimumHealthyPercent}% · max {view.maximumPercent}%
        {state === 'FAILED' ? ` · ${primary.rolloutStateReason}` : ''}
      </div>
    </div>
  );
});
