/**
 * CloudFormation takes `"2"` for an Integer and a parameter's Ref is always a string;
 * the design's shapes want numbers and booleans where the APIs have them. These are the
 * fields, in either spelling, whose values are turned back into numbers or booleans.
 */
const NUMBERS = new Set([
  // ECS (camelCase, after conversion)
  'cpu',
  'memory',
  'memoryReservation',
  'containerPort',
  'hostPort',
  'desiredCount',
  'healthCheckGracePeriodSeconds',
  'minimumHealthyPercent',
  'maximumPercent',
  'weight',
  'base',
  'stopTimeout',
  'startTimeout',
  'interval',
  'timeout',
  'retries',
  'startPeriod',
  'targetCapacity',
  'minimumScalingStepSize',
  'maximumScalingStepSize',
  'instanceWarmupPeriod',
  'port',
  'sizeInGiB',
  'softLimit',
  'hardLimit',
  'bakeTimeInMinutes',
  'stepPercent',
  'stepBakeTimeInMinutes',
  'canaryPercent',
  'canaryBakeTimeInMinutes',
  'transitEncryptionPort',
  'ingressPortOverride',
  'idleTimeoutSeconds',
  'perRequestTimeoutSeconds',
  'maxSwap',
  'swappiness',
  'sharedMemorySize',
  // ELB, Application Auto Scaling, EC2 Auto Scaling, CloudWatch (PascalCase)
  'Port',
  'Priority',
  'HealthCheckIntervalSeconds',
  'HealthCheckTimeoutSeconds',
  'HealthyThresholdCount',
  'UnhealthyThresholdCount',
  'Weight',
  'Order',
  'DurationSeconds',
  'MinCapacity',
  'MaxCapacity',
  'TargetValue',
  'ScaleInCooldown',
  'ScaleOutCooldown',
  'Cooldown',
  'ScalingAdjustment',
  'MetricIntervalLowerBound',
  'MetricIntervalUpperBound',
  'MinAdjustmentMagnitude',
  'Period',
  'EvaluationPeriods',
  'DatapointsToAlarm',
  'Threshold',
  'MinSize',
  'MaxSize',
  'DesiredCapacity',
  'DefaultCooldown',
  'HealthCheckGracePeriod',
  'LoadBalancerPort',
  'InstancePort',
]);

const BOOLEANS = new Set([
  'essential',
  'enable',
  'rollback',
  'readOnly',
  'privileged',
  'readonlyRootFilesystem',
  'initProcessEnabled',
  'enableECSManagedTags',
  'enableExecuteCommand',
  'interactive',
  'pseudoTerminal',
  'disableNetworking',
  'autoprovision',
  'NewInstancesProtectedFromScaleIn',
  'DisableScaleIn',
  'DynamicScalingInSuspended',
  'DynamicScalingOutSuspended',
  'ScheduledScalingSuspended',
  'ActionsEnabled',
  'PropagateAtLaunch',
]);

/** Key/value pairs' values are strings in every API here (environment, attributes, tags, dimensions). */
const STRINGS = new Set(['value', 'Value', 'Key', 'key', 'name', 'Name']);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function coerceScalar(key: string, v: unknown): unknown {
  if (NUMBERS.has(key) && typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v))
    return Number(v);
  if (BOOLEANS.has(key) && (v === 'true' || v === 'false')) return v === 'true';
  if (STRINGS.has(key) && (typeof v === 'number' || typeof v === 'boolean')) return String(v);
  return v;
}

/** Numbers, booleans and strings where the APIs have them; objects in `keep` (map properties) untouched. */
export function coerceTypes(value: unknown, keep: ReadonlySet<string> = new Set()): unknown {
  if (Array.isArray(value)) return value.map((v) => coerceTypes(v, keep));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (keep.has(key)) out[key] = v;
    else if (isObject(v) || Array.isArray(v)) out[key] = coerceTypes(v, keep);
    else out[key] = coerceScalar(key, v);
  }
  return out;
}
