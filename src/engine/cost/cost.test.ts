import { describe, expect, it } from 'vitest';
import { instanceCatalog, instanceTypeSpec } from '../../design';
import { asgDesign } from '../capacity/testing';
import { restoreContext } from '../checkpoint';
import type { EngineContext } from '../context';
import type { Simulation } from '../simulation';
import { design, instance, minutes, seconds, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';
import { costView } from './view';

/** The run's engine state as a checkpoint restores it: what the snapshot will read. */
function contextOf(sim: Simulation): EngineContext {
  return restoreContext(JSON.parse(JSON.stringify(sim.checkpoint())));
}

const m5Price = () => instanceTypeSpec('m5.large')?.onDemandUsdPerHour ?? Number.NaN;
const x86 = () => instanceCatalog().fargate.linuxX86;

const fargateTd = (family: string, cpu: string, memory: string, extra = {}) => ({
  ...taskDefinition(family, { networkMode: 'awsvpc' }),
  requiresCompatibilities: ['FARGATE' as const],
  cpu,
  memory,
  ...extra,
});

const network = { awsvpcConfiguration: { subnets: ['subnet-private-a'] } };

function fargateDesign(services: Record<string, unknown>[], cpu = '1024', memory = '2048') {
  return design({
    clusters: [{ clusterName: 'test', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] }],
    taskDefinitions: [fargateTd('edge', cpu, memory)],
    services: services as never,
  });
}

describe('cost', () => {
  it('two m5.large for 90 minutes cost 2 x 1.5 h x the catalog price', () => {
    const run = simulate(
      design({ containerInstances: [instance(), instance()], taskDefinitions: [] }),
    ).until(minutes(90));
    const cost = costView(contextOf(run.sim));
    expect(cost.priceDate).toBe(instanceCatalog().priceDate);
    expect(cost.instances).toEqual([
      {
        instanceType: 'm5.large',
        purchase: 'on-demand',
        running: 2,
        hours: 3,
        usd: expect.closeTo(3 * m5Price(), 6),
      },
    ]);
    expect(cost.totalUsd).toBeCloseTo(3 * m5Price(), 6);
    expect(cost.usdPerHour).toBeCloseTo(2 * m5Price(), 6);
  });

  it('a 1 vCPU / 2 GB Fargate task billed 30 minutes is 0.5 vCPU-h and 1 GB-h at the catalog rates', () => {
    // PROVISIONING takes 15 s (not billed); the bill starts when the image pull does.
    const run = simulate(
      fargateDesign([service('edge', 1, { launchType: 'FARGATE', networkConfiguration: network })]),
    ).until(seconds(15) + minutes(30));
    const cost = costView(contextOf(run.sim));
    expect(cost.fargate.vcpuHours).toBe(0.5);
    expect(cost.fargate.gbHours).toBe(1);
    const usd = 0.5 * x86().usdPerVcpuHour + 1 * x86().usdPerGbHour;
    expect(cost.fargate.usd).toBeCloseTo(usd, 6);
    expect(cost.totalUsd).toBeCloseTo(usd, 6);
    expect(cost.usdPerHour).toBeCloseTo(x86().usdPerVcpuHour + 2 * x86().usdPerGbHour, 6);
    expect(cost.instances).toEqual([]);
  });

  it('an Auto Scaling group scale-out bills from launch, while the instances boot', () => {
    const run = simulate(asgDesign({ managedScaling: false, group: { DesiredCapacity: 1 } }))
      .until(minutes(10))
      .apply({
        action: 'SetDesiredCapacity',
        input: { AutoScalingGroupName: 'nodes', DesiredCapacity: 3 },
      })
      .until(minutes(10) + seconds(30));
    // The two new ones are Pending (60 s boot), not yet container instances: billed all the same.
    expect(run.sim.snapshot().instances).toHaveLength(1);
    const booting = costView(contextOf(run.sim)).instances[0];
    expect(booting?.running).toBe(3);
    expect(booting?.hours).toBeCloseTo(10.5 / 60 + (2 * 0.5) / 60, 6);
    run.until(minutes(40));
    const [row] = costView(contextOf(run.sim)).instances;
    expect(row?.hours).toBeCloseTo(40 / 60 + (2 * 30) / 60, 6);
    expect(row?.usd).toBeCloseTo((40 / 60 + 1) * m5Price(), 6);
  });
});
