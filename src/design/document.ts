import { z } from 'zod';
import { AutoscalingDesignFields } from './autoscaling-shapes';
import {
  CapacityProviderStrategy,
  ContainerInstance,
  CreateServiceInput,
  RegisterTaskDefinitionInput,
} from './aws-shapes';
import { CapacityDesignFields } from './capacity-shapes';
import { MetricAlarm } from './cloudwatch-shapes';
import { CodeDeploy, LambdaFunction } from './codedeploy-shapes';
import { ServiceCall, ServiceDiscovery } from './discovery-shapes';
import { Listener, ListenerRule, LoadBalancer, TargetGroup } from './elb-shapes';
import { AccountSetting, ScriptAction } from './script';
import { TrafficSpec } from './traffic-shapes';
import { WorkloadFailure, WorkloadUsageFields } from './workload-shapes';

export const CURRENT_FORMAT_VERSION = 1;

/** How a task family behaves when it runs: what AWS has no API shape for. */
export const Workload = z.looseObject({
  family: z.string().min(1),
  /** Only this revision; all revisions when absent. */
  revision: z.number().int().min(1).optional(),
  imagePullSeconds: z.number().min(0).optional(),
  startSeconds: z.number().min(0).optional(),
  stopSeconds: z.number().min(0).optional(),
  /** How this revision fails, if it does; the default workload starts and runs until stopped. */
  failure: WorkloadFailure.optional(),
  /** The container ignores SIGTERM: every stop waits the whole stopTimeout, then SIGKILL. */
  ignoresSigterm: z.boolean().optional(),
  /** What each task uses as it serves: CPU and memory per request and at rest (workload-shapes.ts). */
  ...WorkloadUsageFields,
});
export type Workload = z.infer<typeof Workload>;

export const Position = z.object({ x: z.number(), y: z.number() });

export const DesignDocument = z.looseObject({
  formatVersion: z.literal(CURRENT_FORMAT_VERSION),
  name: z.string().min(1).max(200),
  seed: z.number().int().min(0).max(0xffffffff),
  startTime: z.iso.datetime({ offset: true }).default('2026-01-01T00:00:00Z'),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region such as us-east-1'),
  /** CreateCluster input: its capacity providers and default strategy (ecs-behavior §13.1). */
  clusters: z
    .array(
      z.looseObject({
        clusterName: z
          .string()
          .regex(
            /^[A-Za-z0-9_-]{1,255}$/,
            'must be 1-255 letters, digits, hyphens or underscores, as ECS allows',
          ),
        capacityProviders: z.array(z.string().min(1)).max(20, 'allows at most 20').optional(),
        defaultCapacityProviderStrategy: CapacityProviderStrategy.optional(),
      }),
    )
    .min(1, 'needs a cluster'),
  /** PutAccountSettingDefault input, e.g. `{ "name": "awsvpcTrunking", "value": "enabled" }`. */
  accountSettings: z.array(AccountSetting).optional(),
  containerInstances: z.array(ContainerInstance).default([]),
  taskDefinitions: z.array(RegisterTaskDefinitionInput).default([]),
  services: z.array(CreateServiceInput).default([]),
  workloads: z.array(Workload).default([]),
  /** Elastic Load Balancing: CreateLoadBalancer, CreateTargetGroup, CreateListener, CreateRule inputs. */
  loadBalancers: z.array(LoadBalancer).optional(),
  targetGroups: z.array(TargetGroup).optional(),
  listeners: z.array(Listener).optional(),
  listenerRules: z.array(ListenerRule).optional(),
  /** Requests per second arriving at listeners over time (Berth's own shape). */
  traffic: z.array(TrafficSpec).optional(),
  /** Cloud Map namespaces and services, for serviceRegistries and Service Connect (§15). */
  serviceDiscovery: ServiceDiscovery.optional(),
  /** Requests services send to each other by name (Berth's own shape). */
  calls: z.array(ServiceCall).optional(),
  /** CloudWatch alarms (PutMetricAlarm inputs), for deployment rollback (§9.2). */
  alarms: z.array(MetricAlarm).optional(),
  /** CodeDeploy applications, deployment groups and configs, for CODE_DEPLOY services (§10). */
  codeDeploy: CodeDeploy.optional(),
  /** Functions CodeDeploy's lifecycle hooks call, and whether each run succeeds. */
  lambdaFunctions: z.array(LambdaFunction).optional(),
  /** Auto Scaling groups, launch templates, capacity providers (capacity-shapes.ts). */
  ...CapacityDesignFields,
  /** Application Auto Scaling targets, policies and scheduled actions (autoscaling-shapes.ts). */
  ...AutoscalingDesignFields,
  script: z.array(ScriptAction).default([]),
  /** Canvas positions keyed by node id (`instance:i-...`, `service:web`). */
  layout: z.record(z.string(), Position).default({}),
});
export type DesignDocument = z.infer<typeof DesignDocument>;
export type DesignInput = z.input<typeof DesignDocument>;
