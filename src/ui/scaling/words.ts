import type { CapacityHold, ScalingExplanation } from '../../engine';

/** The words the "Why hasn't it scaled yet?" panel uses: one place, tested. */

type Hold = NonNullable<ScalingExplanation['heldBy']>;

/** The bound or rule that holds a service, as a short tag. */
export const SERVICE_HOLDS: Record<Hold, string> = {
  MaxCapacity: 'at max capacity',
  MinCapacity: 'at min capacity',
  DynamicScalingOutSuspended: 'scale-out suspended',
  DynamicScalingInSuspended: 'scale-in suspended',
  ScaleInCooldown: 'scale-in cooldown',
  DeploymentInProgress: 'deployment in progress',
  AlreadyThere: 'already desired',
};

export const CAPACITY_HOLDS: Record<CapacityHold, string> = {
  NotAssociated: 'not associated with a cluster',
  ManagedScalingDisabled: 'managed scaling off',
  InstanceWarmup: 'instance warm-up',
  MaxSize: 'at MaxSize',
  MinSize: 'at MinSize',
  BelowTargetMinutes: '15 minutes below target',
  ScaleInProtection: 'scale-in protection',
};

/** Whether one datapoint breaches its alarm's threshold (CloudWatch's comparison operators). */
export function breaches(operator: string, value: number, threshold: number): boolean {
  switch (operator) {
    case 'GreaterThanThreshold':
      return value > threshold;
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold;
    case 'LessThanThreshold':
      return value < threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= threshold;
    default:
      return false;
  }
}

export function operatorSymbol(operator: string): string {
  if (operator === 'GreaterThanThreshold') return '>';
  if (operator === 'GreaterThanOrEqualToThreshold') return '≥';
  if (operator === 'LessThanThreshold') return '<';
  if (operator === 'LessThanOrEqualToThreshold') return '≤';
  return operator;
}

/**
 * A target tracking alarm's name is `TargetTracking-<resource>-AlarmHigh-<uuid>`: read
 * across a room, `AlarmHigh` says it; other alarms keep their own names.
 */
export function alarmLabel(alarmName: string): string {
  const m = /^TargetTracking-.*-(AlarmHigh|AlarmLow)-[0-9a-f-]+$/.exec(alarmName);
  if (!m) return alarmName;
  return m[1] === 'AlarmHigh' ? 'AlarmHigh (scale out)' : 'AlarmLow (scale in)';
}

/** `4:05` left, or `52 s`. */
export function leftText(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A datapoint as the panel prints it: `87.5`, `—` for a missing one. */
export function datapointText(v: number | null): string {
  if (v === null) return '—';
  return String(Math.round(v * 10) / 10);
}

/** An engine sentence with target tracking alarms' long names cut to `AlarmHigh` / `AlarmLow`. */
export function shortenAlarmNames(text: string): string {
  return text.replace(
    /TargetTracking-\S+?-(AlarmHigh|AlarmLow)-[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}/g,
    '$1',
  );
}
