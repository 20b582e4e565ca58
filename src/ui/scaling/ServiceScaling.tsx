import { memo } from 'react';
import type { ScalingExplanation } from '../../engine';
import { AlarmDatapoints } from './AlarmDatapoints';
import { Fact } from './Fact';
import { ScalingHead } from './ScalingHead';
import { leftText, SERVICE_HOLDS } from './words';

/**
 * A service's scaling now: desired and running against the bounds, the cooldowns left,
 * what holds it, and each policy's alarms with their datapoints so far; then the model note.
 */
export const ServiceScaling = memo(function ServiceScaling({
  explanation: e,
}: {
  explanation: ScalingExplanation;
}) {
  const bound = e.heldBy === 'MaxCapacity' || e.heldBy === 'MinCapacity';
  const suspended = [
    e.suspended.out && 'scale-out',
    e.suspended.in && 'scale-in',
    e.suspended.scheduled && 'scheduled',
  ].filter(Boolean);
  return (
    <>
      <ScalingHead
        summary={e.summary}
        hold={e.heldBy}
        holdText={e.heldBy && SERVICE_HOLDS[e.heldBy]}
      />
      <div className="scaling-facts">
        <Fact
          id="desired"
          label="desired / running"
          value={`${e.desiredCount} / ${e.runningCount}`}
        />
        <Fact
          id="bounds"
          label="min – max"
          value={`${e.minCapacity} – ${e.maxCapacity}`}
          hot={bound}
        />
        <Fact
          id="cooldown.out"
          label="scale-out cooldown"
          value={
            e.scaleOutCooldownLeftMs > 0 ? `${leftText(e.scaleOutCooldownLeftMs)} left` : 'none'
          }
          hot={e.scaleOutCooldownLeftMs > 0}
        />
        <Fact
          id="cooldown.in"
          label="scale-in cooldown"
          value={e.scaleInCooldownLeftMs > 0 ? `${leftText(e.scaleInCooldownLeftMs)} left` : 'none'}
          hot={e.heldBy === 'ScaleInCooldown'}
        />
      </div>
      {(suspended.length > 0 || e.deploymentInProgress) && (
        <p className="scaling-note">
          {suspended.length > 0 && `Suspended: ${suspended.join(', ')}. `}
          {e.deploymentInProgress && 'A deployment is in progress: scale-in waits for it.'}
        </p>
      )}
      {e.policies.map((p) => (
        <section key={p.policyName} className="scaling-policy" data-testid="scaling.policy">
          <h4>
            {p.policyName}
            <span className="scaling-policy-type">
              {p.policyType === 'TargetTrackingScaling' ? 'target tracking' : 'step scaling'}
            </span>
          </h4>
          {p.targetValue !== undefined && (
            <p className="scaling-policy-line">
              metric{' '}
              <strong>{p.metric === undefined ? '—' : Math.round(p.metric * 10) / 10}</strong>{' '}
              against target <strong>{p.targetValue}</strong>
              {p.proposal && (
                <>
                  {' '}
                  · asks for <strong>{p.proposal.wants}</strong>
                </>
              )}
            </p>
          )}
          <ul className="scaling-alarms">
            {p.alarms.map((a) => (
              <AlarmDatapoints key={a.alarmName} alarm={a} />
            ))}
          </ul>
        </section>
      ))}
      <p className="scaling-model" data-testid="scaling.model">
        <strong>Model:</strong> {e.model}
      </p>
    </>
  );
});
