import type { CreateServiceInput } from '../../aws-shapes';
import type { Ctx } from './context';
import type { LoadBalancing } from './load-balancing';
import { isMap } from './reader';
import type { Scaling } from './scaling';

export type Service = CreateServiceInput & Record<string, unknown>;

/**
 * Model: Berth has no VPC; Copilot's environment makes two public and two private
 * subnets in two zones, named here for what they are so the engine spreads the tasks
 * over zones a and b (engine capacity/zones.ts reads the trailing letter).
 */
const SUBNETS = {
  public: ['subnet-copilot-public-a', 'subnet-copilot-public-b'],
  private: ['subnet-copilot-private-a', 'subnet-copilot-private-b'],
};

/** `network.vpc`: public subnets with a public IP (Copilot's default), private, or listed. */
function networkOf(ctx: Ctx): NonNullable<Service['networkConfiguration']> {
  const { m } = ctx;
  const placement = m.peek('network.vpc.placement');
  let subnets = SUBNETS.public;
  let assignPublicIp: 'ENABLED' | 'DISABLED' = 'ENABLED';
  if (placement === 'private' || placement === 'public') {
    m.touch('network.vpc.placement');
    if (placement === 'private') {
      subnets = SUBNETS.private;
      assignPublicIp = 'DISABLED';
    }
  } else if (isMap(placement)) {
    const ids = m.peek('network.vpc.placement.subnets');
    if (Array.isArray(ids)) {
      m.touch('network.vpc.placement.subnets');
      subnets = ids.map(String);
      assignPublicIp = 'DISABLED';
    }
  } else if (placement !== undefined && placement !== null) {
    m.fail('network.vpc.placement', "must be 'public', 'private' or { subnets: [...] }");
  }
  const groups = m.peek('network.vpc.security_groups');
  const list = Array.isArray(groups)
    ? groups
    : isMap(groups) && Array.isArray(groups.groups)
      ? groups.groups
      : [];
  const securityGroups: string[] = [];
  list.forEach((g, i) => {
    const at = Array.isArray(groups)
      ? `network.vpc.security_groups`
      : `network.vpc.security_groups.groups`;
    if (typeof g === 'string') securityGroups.push(g);
    else
      ctx.m.warn(`${at}[${i}]`, 'is a CloudFormation export, which Berth cannot look up: left out');
  });
  if (list.length > 0)
    m.touch(
      Array.isArray(groups) ? 'network.vpc.security_groups' : 'network.vpc.security_groups.groups',
    );
  if (isMap(groups)) m.bool('network.vpc.security_groups.deny_default');
  return {
    awsvpcConfiguration: {
      subnets,
      ...(securityGroups.length > 0 ? { securityGroups } : {}),
      assignPublicIp,
    },
  };
}

/**
 * What Copilot creates (partials/cf/service-base-properties.yml): a Fargate service on
 * platform LATEST with the circuit breaker on and rolling back, 100/200 percent
 * (`deployment.rolling: recreate`: 0/100), execute command when `exec`.
 */
export function serviceOf(
  ctx: Ctx,
  taskDefinition: string,
  lb: LoadBalancing,
  scaling: Scaling,
): Service {
  const { m } = ctx;
  const rolling = m.str('deployment.rolling') ?? 'default';
  const recreate = rolling.toLowerCase() === 'recreate';
  if (!recreate && rolling.toLowerCase() !== 'default')
    m.fail('deployment.rolling', 'must be "default" or "recreate"');
  const service: Service = {
    cluster: ctx.cluster,
    serviceName: ctx.name,
    taskDefinition,
    desiredCount: scaling.desiredCount,
    ...(scaling.capacityProviderStrategy
      ? { capacityProviderStrategy: scaling.capacityProviderStrategy }
      : { launchType: 'FARGATE' as const }),
    platformVersion: 'LATEST',
    networkConfiguration: networkOf(ctx),
    deploymentConfiguration: {
      minimumHealthyPercent: recreate ? 0 : 100,
      maximumPercent: recreate ? 100 : 200,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    },
    propagateTags: 'SERVICE',
  };
  if (m.bool('exec') === true) service.enableExecuteCommand = true;
  if (lb.entries.length > 0) {
    service.loadBalancers = lb.entries;
    service.healthCheckGracePeriodSeconds = lb.gracePeriodSeconds ?? 60;
  }
  return service;
}
