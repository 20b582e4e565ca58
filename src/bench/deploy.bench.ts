// D1: one simulated hour of a 200-task service behind an ALB at 2,000 requests a second,
// with two rolling deployments (at 10 and 35 minutes), streamed a frame a second as the
// page plays it. The baseline is the same run with what a per-request or per-task model
// would add: a visit to every task every simulated second. Both runs must end the same
// (200 tasks on the third revision, the same requests served); the figure is how much
// the per-second walk costs beside the run that integrates traffic between changes.
// Prints, never fails.

import { pathToFileURL } from 'node:url';
import { parseDesign } from '../design';
import { createSimulation } from '../engine';
import { benchDesign } from './bench-design';
import { compareMedians } from './measure';
import type { Bench, BenchResult } from './types';

const TASKS = 200;
const INSTANCES = 20;
const HOUR_MS = 3_600_000;
const FRAME_MS = 1_000;
const RPS = 2_000;
const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0123456789abcdef';
const LB =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/front/0123456789abcdef';
const LISTENER =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/front/0123456789abcdef/0123456789abcdef';

function d1Design() {
  const base = benchDesign({
    name: 'D1: 200 tasks behind an ALB, two deployments',
    seed: 21,
    idPrefix: 'd1',
    instances: INSTANCES,
    services: [{ serviceName: 'api', desiredCount: TASKS }],
  });
  const [td] = base.taskDefinitions as { containerDefinitions: Record<string, unknown>[] }[];
  const withPort = {
    ...td,
    containerDefinitions: (td?.containerDefinitions ?? []).map((c) => ({
      ...c,
      portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
    })),
  };
  const revision = (image: string) => ({
    ...withPort,
    containerDefinitions: withPort.containerDefinitions.map((c) => ({ ...c, image })),
  });
  const deploy = (at: number, image: string) => [
    { at, action: 'RegisterTaskDefinition', input: revision(image) },
    {
      at,
      action: 'UpdateService',
      input: { cluster: 'bench', service: 'api', taskDefinition: 'api' },
    },
  ];
  const parsed = parseDesign({
    ...base,
    taskDefinitions: [withPort],
    services: (base.services as Record<string, unknown>[]).map((s) => ({
      ...s,
      loadBalancers: [{ targetGroupArn: TG, containerName: 'api', containerPort: 80 }],
    })),
    loadBalancers: [{ Name: 'front', Type: 'application', LoadBalancerArn: LB }],
    targetGroups: [
      {
        Name: 'api',
        Protocol: 'HTTP',
        Port: 80,
        TargetGroupArn: TG,
        HealthCheckIntervalSeconds: 10,
        Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }],
      },
    ],
    listeners: [
      {
        LoadBalancerArn: LB,
        ListenerArn: LISTENER,
        Port: 80,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: TG }],
      },
    ],
    traffic: [{ listenerArn: LISTENER, requestsPerSecond: RPS }],
    script: [...deploy(600, 'nginx:1.28'), ...deploy(2_100, 'nginx:1.29')],
  });
  if (!parsed.ok) throw new Error(`D1 design refused:\n${parsed.message}`);
  return parsed.design;
}

interface Outcome {
  served: number;
  onThird: number;
}

/** Where the walk's count goes, so the engine cannot skip the walk. */
export let visitedSink = 0;

function play(walkEverySecond: boolean): Outcome {
  const sim = createSimulation(d1Design());
  let served = 0;
  let visited = 0;
  for (let t = 0; t <= HOUR_MS; t += FRAME_MS) {
    const frame = sim.advance(t);
    for (const m of frame.metrics)
      if (m.MetricName === 'RequestCount' && m.Dimensions.length === 2) served += m.Value;
    // What a model that visits every task each second costs: the snapshot's whole task list.
    if (walkEverySecond) for (const task of sim.snapshot().tasks) visited += task.cpu > 0 ? 1 : 0;
  }
  const onThird = sim
    .snapshot()
    .tasks.filter((x) => x.lastStatus === 'RUNNING' && x.revision === 3).length;
  visitedSink += visited;
  return { served, onThird };
}

export function runDeployBench(): BenchResult {
  const outcomes: Outcome[] = [];
  const { aMs, bMs } = compareMedians(
    { setUp: () => {}, round: () => outcomes.push(play(false)) },
    { setUp: () => {}, round: () => outcomes.push(play(true)) },
    { warmUpRounds: 1, rounds: 3 },
  );
  const same = outcomes.every(
    (o) => o.served === outcomes[0]?.served && o.onThird === outcomes[0]?.onThird,
  );
  const first = outcomes[0];
  return {
    name: 'D1 deploy hour',
    baselineName: 'walk every task/s',
    opsPerSec: 1 / (aMs / 1000),
    baselineOpsPerSec: 1 / (bMs / 1000),
    ratio: bMs / aMs,
    notes: `sim h/s; x = walk / ours. ${TASKS} tasks on ${INSTANCES} m5.xlarge behind an ALB at ${RPS} req/s, deployments at 10 and 35 min, a frame a second: ours ${aMs.toFixed(0)} ms, with the walk ${bMs.toFixed(0)} ms; ${first?.onThird ?? 0} tasks on the third revision, ${Math.round((first?.served ?? 0) / 1000)}k requests served${same ? '' : '; RUNS DIFFER'}`,
  };
}

export const deployBenches: readonly Bench[] = [{ id: 'deploy', run: runDeployBench }];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = runDeployBench();
  console.log(`${r.name}: ${r.notes}`);
}
