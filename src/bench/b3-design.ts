// B3's design: one simulated day of a service behind an ALB on a managed-scaling
// capacity provider. Generated in code from one seed:
// - cluster `b3` over three zones; capacity provider `nodes` (managed scaling, target
//   100%, managed termination protection) over the Auto Scaling group `b3-nodes` of
//   m5.xlarge (25 to start, at most 100);
// - service `api`: 200 tasks of 512 CPU / 1 GiB (8 an instance), spread over zones then
//   binpacked on CPU, behind the ALB `front` (target groups `blue` and `green`);
// - traffic: a daily curve from 6,000 req/s at 01:00 to 20,000 at 13:00; the workload
//   model makes CPU follow it (10% at rest, 2.56 units per req/s: 60% at 100 req/s a task);
// - target tracking on CPUUtilization at 60% (60-300 tasks);
// - a rolling deployment (api:2) at 10:00 and a BLUE_GREEN one (api:3) at 16:00;
// - instance failures drawn from the seed: a Poisson process, one every 3 h on average,
//   each terminating one in-service instance of the group, drawn from the seed too.
//
// The engine has no seeded failure rate for EC2 instances (only Fargate Spot has one),
// so the failures are scripted `TerminateInstance` actions. An Auto Scaling group's
// instance ids exist only once the run launches them, so `b3Design()` finds them in a
// run of the design: play to each failure's time, draw one of the group's in-service
// instances, apply the fault there (the journal holds it), and go on. The journal then
// becomes the design's script, so every run of the design (Node, the browser worker)
// plays the same faults.

import { parseDesign } from '../design';
import { createSimulation } from '../engine';

export const B3_DESIGN_NAME = 'B3: a day of 200 tasks behind an ALB on managed scaling';
export const B3_SEED = 3;
export const B3_DAY_MS = 86_400_000;
export const B3_TASKS = 200;
export const B3_ROLLING_AT = 10 * 3600;
export const B3_BLUE_GREEN_AT = 16 * 3600;
/** Mean time between instance failures, in seconds. */
const FAILURE_EVERY_S = 3 * 3600;

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const ACCOUNT = 'arn:aws:elasticloadbalancing:us-east-1:123456789012';
const LB = `${ACCOUNT}:loadbalancer/app/front/0b3b3b3b3b3b3b3b`;
const LISTENER = `${ACCOUNT}:listener/app/front/0b3b3b3b3b3b3b3b/0b3b3b3b3b3b3b3c`;
const BLUE = `${ACCOUNT}:targetgroup/blue/0b3b3b3b3b3b3b3d`;
const GREEN = `${ACCOUNT}:targetgroup/green/0b3b3b3b3b3b3b3e`;

interface ScriptEntry {
  at: number;
  action: string;
  input: Record<string, unknown>;
}

function taskDefinition(image: string): Record<string, unknown> {
  return {
    family: 'api',
    networkMode: 'bridge',
    containerDefinitions: [
      {
        name: 'api',
        image,
        cpu: 512,
        memory: 1024,
        essential: true,
        portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
      },
    ],
  };
}

function deployments(): ScriptEntry[] {
  return [
    {
      at: B3_ROLLING_AT,
      action: 'RegisterTaskDefinition',
      input: taskDefinition('public.ecr.aws/nginx/nginx:1.28'),
    },
    {
      at: B3_ROLLING_AT,
      action: 'UpdateService',
      input: { cluster: 'b3', service: 'api', taskDefinition: 'api' },
    },
    {
      at: B3_BLUE_GREEN_AT,
      action: 'RegisterTaskDefinition',
      input: taskDefinition('public.ecr.aws/nginx/nginx:1.29'),
    },
    {
      at: B3_BLUE_GREEN_AT,
      action: 'UpdateService',
      input: {
        cluster: 'b3',
        service: 'api',
        taskDefinition: 'api',
        deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 10 },
      },
    },
  ];
}

/** The design as JSON, with the given faults added to the deployments' script. */
function b3Json(faults: readonly ScriptEntry[]): Record<string, unknown> {
  const script = [...deployments(), ...faults].sort((a, b) => a.at - b.at);
  const service = 'service/b3/api';
  const scaling = {
    ServiceNamespace: 'ecs',
    ResourceId: service,
    ScalableDimension: 'ecs:service:DesiredCount',
  };
  return {
    formatVersion: 1,
    name: B3_DESIGN_NAME,
    seed: B3_SEED,
    startTime: '2026-01-01T00:00:00Z',
    region: 'us-east-1',
    clusters: [
      {
        clusterName: 'b3',
        capacityProviders: ['nodes'],
        defaultCapacityProviderStrategy: [{ capacityProvider: 'nodes', weight: 1 }],
      },
    ],
    containerInstances: [],
    taskDefinitions: [taskDefinition('public.ecr.aws/nginx/nginx:1.27')],
    services: [
      {
        cluster: 'b3',
        serviceName: 'api',
        taskDefinition: 'api',
        desiredCount: B3_TASKS,
        capacityProviderStrategy: [{ capacityProvider: 'nodes', weight: 1 }],
        placementStrategy: [
          { type: 'spread', field: 'attribute:ecs.availability-zone' },
          { type: 'binpack', field: 'cpu' },
        ],
        deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 },
        healthCheckGracePeriodSeconds: 30,
        loadBalancers: [
          {
            targetGroupArn: BLUE,
            containerName: 'api',
            containerPort: 80,
            advancedConfiguration: {
              alternateTargetGroupArn: GREEN,
              productionListenerRule: LISTENER,
            },
          },
        ],
      },
    ],
    workloads: [
      {
        family: 'api',
        imagePullSeconds: 8,
        startSeconds: 4,
        stopSeconds: 2,
        baselineCpuUnits: 51.2,
        cpuUnitsPerRequestPerSecond: 2.56,
      },
    ],
    launchTemplates: [
      {
        LaunchTemplateName: 'b3-node',
        LaunchTemplateData: {
          InstanceType: 'm5.xlarge',
          UserData: '#!/bin/bash\necho ECS_CLUSTER=b3 >> /etc/ecs/ecs.config',
        },
      },
    ],
    autoScalingGroups: [
      {
        AutoScalingGroupName: 'b3-nodes',
        MinSize: 3,
        MaxSize: 100,
        DesiredCapacity: 25,
        LaunchTemplate: { LaunchTemplateName: 'b3-node', Version: '$Latest' },
        AvailabilityZones: AZS,
        NewInstancesProtectedFromScaleIn: true,
        bootSeconds: 60,
      },
    ],
    capacityProviders: [
      {
        name: 'nodes',
        autoScalingGroupProvider: {
          autoScalingGroupArn: 'b3-nodes',
          managedScaling: { status: 'ENABLED', targetCapacity: 100, instanceWarmupPeriod: 60 },
          managedTerminationProtection: 'ENABLED',
        },
      },
    ],
    scalableTargets: [{ ...scaling, MinCapacity: 60, MaxCapacity: 300 }],
    scalingPolicies: [
      {
        ...scaling,
        PolicyName: 'cpu60',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 60,
          PredefinedMetricSpecification: {
            PredefinedMetricType: 'ECSServiceAverageCPUUtilization',
          },
          ScaleOutCooldown: 60,
          ScaleInCooldown: 300,
        },
      },
    ],
    loadBalancers: [
      { Name: 'front', Type: 'application', Scheme: 'internet-facing', LoadBalancerArn: LB },
    ],
    targetGroups: ['blue', 'green'].map((name) => ({
      Name: name,
      Protocol: 'HTTP',
      Port: 80,
      TargetType: 'instance',
      HealthCheckIntervalSeconds: 10,
      TargetGroupArn: name === 'blue' ? BLUE : GREEN,
      Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }],
    })),
    listeners: [
      {
        LoadBalancerArn: LB,
        ListenerArn: LISTENER,
        Protocol: 'HTTP',
        Port: 80,
        DefaultActions: [
          {
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [
                { TargetGroupArn: BLUE, Weight: 1 },
                { TargetGroupArn: GREEN, Weight: 0 },
              ],
            },
          },
        ],
      },
    ],
    traffic: [
      { listenerArn: LISTENER, daily: { min: 6_000, max: 20_000, peakAtSecond: 13 * 3600 } },
    ],
    script,
    layout: {},
  };
}

/** mulberry32: the bench's own seeded draws, apart from the engine's streams. */
function seededFloats(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Whole seconds of the day at which an instance fails: exponential gaps from the seed. */
export function failureTimes(seed: number): number[] {
  const next = seededFloats(seed ^ 0xb3b3);
  const times: number[] = [];
  for (let t = 0; ; ) {
    t += -Math.log(1 - next()) * FAILURE_EVERY_S;
    if (t >= B3_DAY_MS / 1000) return times;
    times.push(Math.round(t));
  }
}

function parsed(json: Record<string, unknown>) {
  const result = parseDesign(json);
  if (!result.ok) throw new Error(`B3 design refused:\n${result.message}`);
  return result.design;
}

let cached: Record<string, unknown> | undefined;

/** The design with its seeded faults in the script (found by a run, once per process). */
export function b3Design(): Record<string, unknown> {
  if (cached) return cached;
  const pick = seededFloats(B3_SEED);
  const sim = createSimulation(parsed(b3Json([])));
  for (const at of failureTimes(B3_SEED)) {
    sim.advance(at * 1000);
    const group = sim
      .snapshot()
      .capacity?.groups.find((g) => g.autoScalingGroupName === 'b3-nodes');
    const live = (group?.instances ?? []).filter(
      (i) => i.lifecycleState === 'InService' && i.containerInstanceArn !== undefined,
    );
    const victim = live[Math.floor(pick() * live.length)];
    if (victim)
      sim.apply({ action: 'TerminateInstance', input: { ec2InstanceId: victim.instanceId } });
  }
  const faults = sim.journal().map((j) => ({
    at: j.at,
    action: j.action,
    input: j.input as Record<string, unknown>,
  }));
  cached = b3Json(faults);
  return cached;
}

/** The parsed design, as an import would give it to the engine. */
export function b3ParsedDesign() {
  return parsed(b3Design());
}
