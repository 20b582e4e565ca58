import { memo } from 'react';
import type { CapacityProviderExplanation } from '../../engine';
import { Fact } from './Fact';
import { ScalingHead } from './ScalingHead';
import { CAPACITY_HOLDS, leftText } from './words';

/**
 * A capacity provider's managed scaling now: the reservation against its target, the
 * group's size against its bounds, the warm-up left, the step and what holds it.
 */
export const ProviderScaling = memo(function ProviderScaling({
  explanation: e,
}: {
  explanation: CapacityProviderExplanation;
}) {
  const r = e.reservation ?? e.lastReservation;
  const warm = e.warmingUp.reduce((most, w) => Math.max(most, w.leftMs), 0);
  return (
    <>
      <ScalingHead
        summary={e.summary}
        hold={e.heldBy}
        holdText={e.heldBy && CAPACITY_HOLDS[e.heldBy]}
      />
      <div className="scaling-facts">
        <Fact
          id="reservation"
          label="reservation / target"
          value={`${r ? `${r.value}%` : '—'} / ${e.targetCapacity}%`}
        />
        <Fact id="mn" label="M / N instances" value={r ? `${r.m} / ${r.n}` : '—'} />
        <Fact
          id="group"
          label={`${e.autoScalingGroupName} min · desired · max`}
          value={`${e.group.minSize} · ${e.group.desiredCapacity} · ${e.group.maxSize}`}
          hot={e.heldBy === 'MaxSize' || e.heldBy === 'MinSize'}
        />
        <Fact
          id="warmup"
          label={`warm-up (${e.instanceWarmupPeriod} s)`}
          value={warm > 0 ? `${leftText(warm)} left` : 'none'}
          hot={e.heldBy === 'InstanceWarmup'}
        />
        <Fact
          id="step"
          label="step min – max"
          value={`${e.minimumScalingStepSize} – ${e.maximumScalingStepSize}`}
          hot={e.step?.limitedBy === 'maximum' || e.step?.limitedBy === 'minimum'}
        />
        <Fact
          id="below"
          label="minutes below target"
          value={`${e.minutesBelowTarget} of ${e.scaleInDatapoints}`}
          hot={e.heldBy === 'BelowTargetMinutes'}
        />
      </div>
      {e.next.action !== 'none' && (
        <p className="scaling-next" data-testid="scaling.next">
          Next minute: {e.next.action} {e.next.from} → {e.next.to}
        </p>
      )}
      {e.provisioningTasks > 0 && (
        <p className="scaling-note">
          {e.provisioningTasks} task{e.provisioningTasks === 1 ? '' : 's'} in PROVISIONING, waiting
          for capacity.
        </p>
      )}
    </>
  );
});
