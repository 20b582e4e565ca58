import type {
  PutScalingPolicyInput,
  RegisterScalableTargetInput,
  TargetTrackingConfiguration,
} from '../../autoscaling-shapes';
import type { CapacityProviderStrategyItem } from '../../aws-shapes';
import type { Ctx } from './context';
import type { LoadBalancing } from './load-balancing';
import { isMap } from './reader';

export interface Scaling {
  desiredCount: number;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  scalableTargets: RegisterScalableTargetInput[];
  scalingPolicies: PutScalingPolicyInput[];
}

/** Copilot's cooldowns when the manifest gives none (partials/cf/autoscaling.yml). */
const SCALE_IN_COOLDOWN_SECONDS = 120;
const SCALE_OUT_COOLDOWN_SECONDS = 60;

/** `range`: `n-m`, or `{ min, max, spot_from }`. */
function rangeOf(ctx: Ctx): { min: number; max: number; spotFrom?: number } | undefined {
  const { m } = ctx;
  const range = m.peek('count.range');
  if (typeof range === 'string') {
    m.touch('count.range');
    const r = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(range);
    if (r) return { min: Number(r[1]), max: Number(r[2]) };
    m.fail('count.range', 'must be min-max, such as 1-10');
    return undefined;
  }
  if (!isMap(range)) return undefined;
  const min = m.int('count.range.min');
  const max = m.int('count.range.max');
  const spotFrom = m.int('count.range.spot_from');
  if (min === undefined || max === undefined) {
    m.fail('count.range', 'needs min and max');
    return undefined;
  }
  return { min, max, ...(spotFrom !== undefined ? { spotFrom } : {}) };
}

/** A metric's target and cooldowns: `70`, or `{ value: 70, cooldown: { in, out } }`. */
function metricOf(ctx: Ctx, field: string, seconds = false) {
  const { m } = ctx;
  const at = `count.${field}`;
  const raw = m.peek(at);
  if (raw === undefined || raw === null) return undefined;
  const valueAt = isMap(raw) ? `${at}.value` : at;
  const value = seconds ? m.seconds(valueAt) : m.int(valueAt);
  if (value === undefined) return undefined;
  const cooldown = (dir: 'in' | 'out') =>
    (isMap(raw) ? m.seconds(`${at}.cooldown.${dir}`) : undefined) ??
    m.seconds(`count.cooldown.${dir}`);
  return {
    value,
    ScaleInCooldown: Math.round(cooldown('in') ?? SCALE_IN_COOLDOWN_SECONDS),
    ScaleOutCooldown: Math.round(cooldown('out') ?? SCALE_OUT_COOLDOWN_SECONDS),
  };
}

const lbDimension = (arn: string) => arn.slice(arn.indexOf(':loadbalancer/') + 14);
const tgDimension = (arn: string) => arn.slice(arn.indexOf(':targetgroup/') + 1);

/**
 * `count` (Copilot's Count, manifest/svc.go): a number is the desired count; a map with
 * `range` registers a scalable target with a target tracking policy per metric, the
 * desired count starting at the range's minimum (Count.Desired); `spot` and
 * `range.spot_from` put tasks on Fargate Spot (transformers.go convertCapacityProviders).
 */
export function scalingOf(ctx: Ctx, lb: LoadBalancing, resourceId: string): Scaling {
  const { m } = ctx;
  const out: Scaling = { desiredCount: 1, scalableTargets: [], scalingPolicies: [] };
  const count = m.peek('count');
  if (count === undefined || count === null) return out;
  if (!isMap(count)) {
    out.desiredCount = m.int('count') ?? 1;
    return out;
  }
  const spot = m.int('count.spot');
  if (spot !== undefined) {
    out.desiredCount = spot;
    out.capacityProviderStrategy = [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }];
    return out;
  }
  const range = rangeOf(ctx);
  if (!range) {
    const metrics = ['cpu_percentage', 'memory_percentage', 'requests', 'response_time'];
    if (metrics.some((f) => m.peek(`count.${f}`) !== undefined))
      m.fail('count.range', 'is required to scale on a metric');
    return out;
  }
  out.desiredCount = range.min;
  if (range.spotFrom !== undefined) {
    out.capacityProviderStrategy = [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }];
    if (range.spotFrom >= range.min)
      out.capacityProviderStrategy.push({
        capacityProvider: 'FARGATE',
        weight: 0,
        base: Math.max(0, range.spotFrom - 1),
      });
  }
  const key = {
    ServiceNamespace: 'ecs' as const,
    ResourceId: resourceId,
    ScalableDimension: 'ecs:service:DesiredCount' as const,
  };
  out.scalableTargets.push({ ...key, MinCapacity: range.min, MaxCapacity: range.max });
  const policy = (name: string, config: TargetTrackingConfiguration) =>
    out.scalingPolicies.push({
      ...key,
      PolicyName: `${ctx.name}-${name}-ScalingPolicy`,
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: config,
    });
  const cooldowns = (t: { ScaleInCooldown: number; ScaleOutCooldown: number }) => ({
    ScaleInCooldown: t.ScaleInCooldown,
    ScaleOutCooldown: t.ScaleOutCooldown,
  });
  const cpu = metricOf(ctx, 'cpu_percentage');
  if (cpu)
    policy('ECSServiceAverageCPUUtilization', {
      TargetValue: cpu.value,
      PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
      ...cooldowns(cpu),
    });
  const memory = metricOf(ctx, 'memory_percentage');
  if (memory)
    policy('ECSServiceAverageMemoryUtilization', {
      TargetValue: memory.value,
      PredefinedMetricSpecification: {
        PredefinedMetricType: 'ECSServiceAverageMemoryUtilization',
      },
      ...cooldowns(memory),
    });
  const requests = metricOf(ctx, 'requests');
  if (requests && !lb.alb)
    m.warn('count.requests', 'needs an Application Load Balancer (http): no policy made');
  else if (requests && lb.alb)
    // Model: Copilot's customized Sum of AWS/ApplicationELB RequestCountPerTarget is the
    // predefined ALBRequestCountPerTarget, the one Berth's engine feeds.
    policy('ALBSumRequestCountPerTarget', {
      TargetValue: requests.value,
      PredefinedMetricSpecification: {
        PredefinedMetricType: 'ALBRequestCountPerTarget',
        ResourceLabel: `${lbDimension(lb.alb.lbArn)}/${tgDimension(lb.alb.tgArn)}`,
      },
      ...cooldowns(requests),
    });
  const responseTime = metricOf(ctx, 'response_time', true);
  if (responseTime && !lb.alb)
    m.warn('count.response_time', 'needs an Application Load Balancer (http): no policy made');
  else if (responseTime && lb.alb) {
    policy('ALBAverageResponseTime', {
      TargetValue: responseTime.value,
      CustomizedMetricSpecification: {
        Namespace: 'AWS/ApplicationELB',
        MetricName: 'TargetResponseTime',
        Dimensions: [
          { Name: 'LoadBalancer', Value: lbDimension(lb.alb.lbArn) },
          { Name: 'TargetGroup', Value: tgDimension(lb.alb.tgArn) },
        ],
        Statistic: 'Average',
      },
      ...cooldowns(responseTime),
    });
    m.warn(
      'count.response_time',
      'scales on TargetResponseTime, which Berth does not simulate: the policy is kept but never acts',
    );
  }
  const delay = m.peek('count.queue_delay');
  if (isMap(delay)) {
    const latency = m.seconds('count.queue_delay.acceptable_latency');
    const perMessage = m.seconds('count.queue_delay.msg_processing_time');
    if (latency !== undefined && perMessage !== undefined && perMessage > 0) {
      // Copilot's AcceptableBacklogPerTask: the messages one task gets through in time.
      policy(`BacklogPerTask-${ctx.name}-EventsQueue`, {
        TargetValue: Math.ceil(latency / perMessage),
        CustomizedMetricSpecification: {
          Namespace: `${ctx.family}`,
          MetricName: 'BacklogPerTask',
          Dimensions: [{ Name: 'QueueName', Value: `${ctx.family}-EventsQueue` }],
          Statistic: 'Average',
          Unit: 'Count',
        },
        ScaleInCooldown: Math.round(
          m.seconds('count.queue_delay.cooldown.in') ??
            m.seconds('count.cooldown.in') ??
            SCALE_IN_COOLDOWN_SECONDS,
        ),
        ScaleOutCooldown: Math.round(
          m.seconds('count.queue_delay.cooldown.out') ??
            m.seconds('count.cooldown.out') ??
            SCALE_OUT_COOLDOWN_SECONDS,
        ),
      });
      m.warn(
        'count.queue_delay',
        'scales on the SQS backlog per task, which Berth does not simulate: the policy is kept but never acts (a script may PutMetricData BacklogPerTask)',
      );
    }
  }
  m.touch('count.cooldown');
  return out;
}
