import type { DesignInput } from '../../design';
import type { MetricDatum } from '../api';
import { design, instance, service, taskDefinition } from '../testing/builders';
import type { Run } from '../testing/harness';

/** Builders for the autoscaling tests: one web service behind an ALB, on enough instances. */

const ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012';
export const WEB_TG = `${ARN}:targetgroup/web/3333333333333333`;
export const WEB_LB = `${ARN}:loadbalancer/app/front/50dc6c495c0c9188`;
export const WEB_LISTENER = `${ARN}:listener/app/front/50dc6c495c0c9188/f2f7dc8efc522ab2`;
export const WEB_RESOURCE = 'service/test/web';

export interface WebOpts {
  desired?: number;
  /** Requests per second at the listener; none: no load balancer at all. */
  traffic?: DesignInput['traffic'];
  usage?: Record<string, number>;
  cpu?: number;
  memory?: number;
  instances?: number;
  /** More of the design, checked by the gate (so loosely typed here). */
  extra?: Record<string, unknown>;
}

export function webDesign(opts: WebOpts = {}) {
  const lb = opts.traffic !== undefined;
  const azs = ['a', 'b', 'c'];
  return design({
    containerInstances: Array.from({ length: opts.instances ?? 6 }, (_, i) =>
      instance({
        id: `i-0000000000000${i.toString().padStart(2, '0')}c1`,
        az: `us-east-1${azs[i % 3]}`,
        type: 'm5.2xlarge',
      }),
    ),
    taskDefinitions: [
      taskDefinition('web', {
        cpu: opts.cpu ?? 256,
        memory: opts.memory ?? 512,
        ...(lb && { hostPort: 0 }),
      }),
    ],
    services: [
      service('web', opts.desired ?? 2, {
        ...(lb && {
          loadBalancers: [{ targetGroupArn: WEB_TG, containerName: 'web', containerPort: 80 }],
        }),
      }),
    ],
    workloads: [{ family: 'web', imagePullSeconds: 1, startSeconds: 1, ...opts.usage }],
    ...(lb && {
      loadBalancers: [{ Name: 'front', Type: 'application', LoadBalancerArn: WEB_LB }],
      targetGroups: [
        {
          Name: 'web',
          Protocol: 'HTTP',
          Port: 80,
          TargetGroupArn: WEB_TG,
          HealthCheckIntervalSeconds: 5,
          Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '5' }],
        },
      ],
      listeners: [
        {
          LoadBalancerArn: WEB_LB,
          ListenerArn: WEB_LISTENER,
          Port: 80,
          DefaultActions: [{ Type: 'forward', TargetGroupArn: WEB_TG }],
        },
      ],
      traffic: opts.traffic,
    }),
    ...(opts.extra as Partial<DesignInput>),
  });
}

export function datapoints(run: Run, metricName: string, serviceName?: string): MetricDatum[] {
  return run.frames
    .flatMap((f) => f.metrics)
    .filter(
      (m) =>
        m.MetricName === metricName &&
        (serviceName === undefined ||
          m.Dimensions.some((d) => d.Name === 'ServiceName' && d.Value === serviceName)),
    );
}

export function desiredOf(run: Run, serviceName = 'web'): number {
  const s = run.sim.snapshot().services.find((v) => v.serviceName === serviceName);
  return s?.desiredCount ?? -1;
}
