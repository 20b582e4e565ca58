import type {
  DesignDocument,
  MetricAlarm,
  PutScalingPolicyInput,
  PutScheduledActionInput,
} from '../../design';
import type { AlarmState } from '../alarms/alarms';

/**
 * Service auto scaling: scalable targets, scaling policies, scheduled actions (ecs-behavior §12): run state. Plain JSON data only (no Map, Set or class): the checkpoint
 * copies it as JSON (checkpoint/plain.ts) and restores it as it was.
 */
export interface AutoscalingState {
  targets: ScalableTargetState[];
  policies: PolicyState[];
  /** Target tracking's own alarms (§12.2), kept here beside their policies. */
  alarms: ManagedAlarm[];
  scheduled: ScheduledActionState[];
  /** metricKey -> names of the managed alarms that watch it, so a datapoint costs its watchers. */
  watch: Record<string, string[]>;
  /** Activities so far, for their ids. */
  activitySeq: number;
}

export interface ScalableTargetState {
  resourceId: string;
  clusterName: string;
  serviceName: string;
  min: number;
  max: number;
  suspended: { in: boolean; out: boolean; scheduled: boolean };
  /** A dynamic scale-out's cooldown: until when, and the capacity it started from (§12.2, §12.3). */
  outCooldown?: { untilMs: number; fromCapacity: number; policy: string };
  /** A dynamic scale-in's cooldown: scale-in waits; a scale-out ends it. */
  inCooldown?: { untilMs: number; policy: string };
  /** DescribeScalingActivities, newest last; the last ACTIVITIES_KEPT. */
  activities: ScalingActivity[];
  createdAtMs: number;
}

export interface ScalingActivity {
  activityId: string;
  description: string;
  cause: string;
  atMs: number;
  statusCode: 'Successful';
  statusMessage: string;
  from: number;
  to: number;
  /** What made it: a policy's name, a scheduled action's, or `bounds`. */
  by: string;
}

export interface PolicyState {
  name: string;
  resourceId: string;
  arn: string;
  input: PutScalingPolicyInput;
  /** Target tracking: its managed alarms' names, high first; step: none. */
  alarmNames: string[];
}

export interface ManagedAlarm {
  config: MetricAlarm;
  state: AlarmState;
  policyArn: string;
  side: 'high' | 'low';
}

export interface ScheduledActionState {
  name: string;
  resourceId: string;
  input: PutScheduledActionInput;
  /** When it was put: a rate() counts from StartTime, else from then. */
  putAtMs: number;
  /** at(): it has run. rate(): when it runs next. */
  done?: boolean;
  nextMs?: number;
}

export function newAutoscalingState(_design: DesignDocument): AutoscalingState {
  return { targets: [], policies: [], alarms: [], scheduled: [], watch: {}, activitySeq: 0 };
}

/** A restored checkpoint from before this state had fields: what it lacks, empty. */
export function autoscalingOf(ctx: { autoscaling: AutoscalingState }): AutoscalingState {
  const a = ctx.autoscaling as Partial<AutoscalingState>;
  if (!a.targets) Object.assign(a, newAutoscalingState({} as DesignDocument));
  return ctx.autoscaling;
}
