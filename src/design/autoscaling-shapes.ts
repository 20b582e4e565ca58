import { z } from 'zod';
import { MetricDimension } from './cloudwatch-shapes';
import { at } from './script-time';

/**
 * Application Auto Scaling: scalable targets, scaling policies, scheduled actions (ecs-behavior §12): the design's fields, the script actions and the commands they make.
 * design/document.ts spreads `AutoscalingDesignFields` into the document, and
 * design/script.ts adds `autoscalingScriptActions` to the script's actions. Every input
 * is the Application Auto Scaling API's (PascalCase), as `aws application-autoscaling
 * ... --cli-input-json` takes it, for ECS services only.
 */

const ServiceNamespace = z.literal('ecs', { error: 'must be ecs: Berth scales ECS services only' });
const ResourceId = z
  .string()
  .regex(/^service\/[^/]+\/[^/]+$/, 'must be service/<cluster>/<service>, as service/default/web');
const ScalableDimension = z.literal('ecs:service:DesiredCount', {
  error: 'must be ecs:service:DesiredCount',
});
const Capacity = z.number().int().min(0, 'must be 0 or more');
const Seconds = z.number().int().min(0, 'must be 0 or more seconds');

const targetKey = { ServiceNamespace, ResourceId, ScalableDimension };

/** RegisterScalableTarget (§12.1): MinCapacity may be 0 for ECS. */
export const RegisterScalableTargetInput = z.looseObject({
  ...targetKey,
  /** Required to register a new target; an update may leave either out (the gate checks). */
  MinCapacity: Capacity.optional(),
  MaxCapacity: Capacity.optional(),
  SuspendedState: z
    .looseObject({
      DynamicScalingInSuspended: z.boolean().optional(),
      DynamicScalingOutSuspended: z.boolean().optional(),
      ScheduledScalingSuspended: z.boolean().optional(),
    })
    .optional(),
  RoleARN: z.string().optional(),
});
export type RegisterScalableTargetInput = z.infer<typeof RegisterScalableTargetInput>;

export const PREDEFINED_METRIC_TYPES = [
  'ECSServiceAverageCPUUtilization',
  'ECSServiceAverageMemoryUtilization',
  'ALBRequestCountPerTarget',
] as const;

export const TargetTrackingConfiguration = z.looseObject({
  TargetValue: z.number().positive('must be more than 0'),
  PredefinedMetricSpecification: z
    .looseObject({
      PredefinedMetricType: z.enum(PREDEFINED_METRIC_TYPES),
      /** ALBRequestCountPerTarget: `app/<lb>/<id>/targetgroup/<group>/<id>`. */
      ResourceLabel: z.string().min(1).max(1023).optional(),
    })
    .optional(),
  /** A metric of one's own (one a script's PutMetricData feeds, say); no metric math. */
  CustomizedMetricSpecification: z
    .looseObject({
      MetricName: z.string().min(1),
      Namespace: z.string().min(1),
      Dimensions: z.array(MetricDimension).max(30).optional(),
      Statistic: z.enum(['Average', 'Minimum', 'Maximum', 'SampleCount', 'Sum']),
      Unit: z.string().optional(),
    })
    .optional(),
  /** 300 s for ECS services when absent (§12.2). */
  ScaleOutCooldown: Seconds.optional(),
  ScaleInCooldown: Seconds.optional(),
  DisableScaleIn: z.boolean().optional(),
});
export type TargetTrackingConfiguration = z.infer<typeof TargetTrackingConfiguration>;

export const StepAdjustment = z.looseObject({
  /** Offsets from the alarm's threshold; absent: minus or plus infinity (§12.3). */
  MetricIntervalLowerBound: z.number().optional(),
  MetricIntervalUpperBound: z.number().optional(),
  ScalingAdjustment: z.number().int(),
});
export type StepAdjustment = z.infer<typeof StepAdjustment>;

export const StepScalingConfiguration = z.looseObject({
  AdjustmentType: z.enum(['ChangeInCapacity', 'PercentChangeInCapacity', 'ExactCapacity']),
  StepAdjustments: z.array(StepAdjustment).min(1, 'needs a step adjustment'),
  /** Only with PercentChangeInCapacity (§12.3). */
  MinAdjustmentMagnitude: z.number().int().min(1).optional(),
  /** 300 s for ECS services when absent (§12.3). */
  Cooldown: Seconds.optional(),
  MetricAggregationType: z.enum(['Average', 'Minimum', 'Maximum']).optional(),
});
export type StepScalingConfiguration = z.infer<typeof StepScalingConfiguration>;

/** PutScalingPolicy: PolicyType StepScaling when absent, as the API has it. */
export const PutScalingPolicyInput = z.looseObject({
  PolicyName: z.string().min(1).max(256),
  ...targetKey,
  PolicyType: z.enum(['TargetTrackingScaling', 'StepScaling']).optional(),
  TargetTrackingScalingPolicyConfiguration: TargetTrackingConfiguration.optional(),
  StepScalingPolicyConfiguration: StepScalingConfiguration.optional(),
});
export type PutScalingPolicyInput = z.infer<typeof PutScalingPolicyInput>;

export const DeleteScalingPolicyInput = z.looseObject({
  PolicyName: z.string().min(1).max(256),
  ...targetKey,
});
export type DeleteScalingPolicyInput = z.infer<typeof DeleteScalingPolicyInput>;

/** `at(2026-01-01T08:00:00)`, `rate(5 minutes)`, `cron(0 8 * * ? *)`: UTC (§12.4). */
export type Schedule =
  | { kind: 'at'; epochMs: number }
  | { kind: 'rate'; everyMs: number }
  | { kind: 'cron'; fields: CronFields };

/** Allowed values of each cron field; `null` for `?` (any). */
export interface CronFields {
  minutes: number[];
  hours: number[];
  daysOfMonth: number[] | null;
  months: number[];
  /** 1 = SUN ... 7 = SAT, as AWS numbers them. */
  daysOfWeek: number[] | null;
  years: number[] | null;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const RATE_UNITS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** One cron field's values in [lo, hi], or a message; `?` gives null. */
function cronField(
  text: string,
  lo: number,
  hi: number,
  names: readonly string[] = [],
  nameBase = 1,
): number[] | null | string {
  if (text === '?') return null;
  if (/[LW#]/.test(text.replace(/[A-Z]{3}/g, '')))
    return `${text}: Berth does not take L, W or # in cron expressions`;
  const value = (v: string) => {
    const named = names.indexOf(v.toUpperCase());
    return named >= 0 ? named + nameBase : /^\d+$/.test(v) ? Number(v) : Number.NaN;
  };
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let from = lo;
    let to = hi;
    if (range !== '*') {
      const [a = '', b] = range.split('-');
      from = value(a);
      to = b === undefined ? (stepText === undefined ? from : hi) : value(b);
    }
    if (!Number.isInteger(step) || step < 1 || Number.isNaN(from) || Number.isNaN(to))
      return `${text} is not a cron field`;
    if (from < lo || to > hi || from > to) return `${text} is outside ${lo}-${hi}`;
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

/** The schedule, or a message saying what is wrong with it. */
export function parseSchedule(text: string): Schedule | string {
  const atMatch = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(text);
  if (atMatch) {
    const epochMs = Date.parse(`${atMatch[1]}Z`);
    return Number.isNaN(epochMs) ? `${text} is not a date` : { kind: 'at', epochMs };
  }
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(text);
  if (rate) {
    const n = Number(rate[1]);
    const unit = RATE_UNITS[(rate[2] ?? '').replace(/s$/, '')] ?? 0;
    if (n < 1) return 'a rate must be 1 or more';
    return { kind: 'rate', everyMs: n * unit };
  }
  const cron = /^cron\((.*)\)$/.exec(text);
  if (!cron) return 'must be at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(fields)';
  const parts = (cron[1] ?? '').trim().split(/\s+/);
  if (parts.length !== 6)
    return 'a cron expression has 6 fields: minutes hours day-of-month month day-of-week year';
  const [mi = '', h = '', dom = '', mo = '', dow = '', y = ''] = parts;
  const fields = [
    cronField(mi, 0, 59),
    cronField(h, 0, 23),
    cronField(dom, 1, 31),
    cronField(mo, 1, 12, MONTHS),
    cronField(dow, 1, 7, DAYS),
    y === '*' ? null : cronField(y, 1970, 2199),
  ] as const;
  const bad = fields.find((f): f is string => typeof f === 'string');
  if (bad) return bad;
  const [minutes, hours, daysOfMonth, months, daysOfWeek, years] = fields as unknown as [
    number[] | null,
    number[] | null,
    number[] | null,
    number[] | null,
    number[] | null,
    number[] | null,
  ];
  if ((daysOfMonth === null) === (daysOfWeek === null))
    return 'one of day-of-month and day-of-week must be ?, and only one';
  if (minutes === null || hours === null || months === null) return 'only the day fields take ?';
  return { kind: 'cron', fields: { minutes, hours, daysOfMonth, months, daysOfWeek, years } };
}

/** PutScheduledAction (§12.4): new MinCapacity and MaxCapacity at a time. */
export const PutScheduledActionInput = z.looseObject({
  ...targetKey,
  ScheduledActionName: z.string().min(1).max(256),
  Schedule: z.string().superRefine((s, ctx) => {
    const parsed = parseSchedule(s);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
  }),
  /** Model: Berth runs schedules in UTC only. */
  Timezone: z
    .enum(['UTC', 'Etc/UTC'], { error: 'Berth runs schedules in UTC only (UTC or Etc/UTC)' })
    .optional(),
  StartTime: z.iso.datetime({ offset: true }).optional(),
  EndTime: z.iso.datetime({ offset: true }).optional(),
  ScalableTargetAction: z
    .looseObject({ MinCapacity: Capacity.optional(), MaxCapacity: Capacity.optional() })
    .refine((a) => a.MinCapacity !== undefined || a.MaxCapacity !== undefined, {
      message: 'needs MinCapacity, MaxCapacity or both',
    }),
});
export type PutScheduledActionInput = z.infer<typeof PutScheduledActionInput>;

export const DeleteScheduledActionInput = z.looseObject({
  ...targetKey,
  ScheduledActionName: z.string().min(1).max(256),
});
export type DeleteScheduledActionInput = z.infer<typeof DeleteScheduledActionInput>;

export const AutoscalingDesignFields = {
  /** RegisterScalableTarget inputs: the services Application Auto Scaling may scale. */
  scalableTargets: z.array(RegisterScalableTargetInput).optional(),
  /** PutScalingPolicy inputs: target tracking and step scaling. */
  scalingPolicies: z.array(PutScalingPolicyInput).optional(),
  /** PutScheduledAction inputs. */
  scheduledActions: z.array(PutScheduledActionInput).optional(),
} satisfies Record<string, z.ZodType>;

export const autoscalingScriptActions = [
  z.looseObject({
    at,
    action: z.literal('RegisterScalableTarget'),
    input: RegisterScalableTargetInput,
  }),
  z.looseObject({ at, action: z.literal('PutScalingPolicy'), input: PutScalingPolicyInput }),
  z.looseObject({ at, action: z.literal('DeleteScalingPolicy'), input: DeleteScalingPolicyInput }),
  z.looseObject({ at, action: z.literal('PutScheduledAction'), input: PutScheduledActionInput }),
  z.looseObject({
    at,
    action: z.literal('DeleteScheduledAction'),
    input: DeleteScheduledActionInput,
  }),
] as const;

/** The commands of these actions, as engine/commands takes them. */
export type AutoscalingCommand =
  | { action: 'RegisterScalableTarget'; input: RegisterScalableTargetInput }
  | { action: 'PutScalingPolicy'; input: PutScalingPolicyInput }
  | { action: 'DeleteScalingPolicy'; input: DeleteScalingPolicyInput }
  | { action: 'PutScheduledAction'; input: PutScheduledActionInput }
  | { action: 'DeleteScheduledAction'; input: DeleteScheduledActionInput };

export const AUTOSCALING_ACTIONS: ReadonlySet<string> = new Set<string>([
  'RegisterScalableTarget',
  'PutScalingPolicy',
  'DeleteScalingPolicy',
  'PutScheduledAction',
  'DeleteScheduledAction',
]);

export function isAutoscalingCommand(command: { action: string }): command is AutoscalingCommand {
  return AUTOSCALING_ACTIONS.has(command.action);
}
