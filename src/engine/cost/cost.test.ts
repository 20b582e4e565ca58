import { describe, expect, it } from 'vitest';
import { instanceCatalog, instanceTypeSpec } from '../../design';
import { asgDesign } from '../capacity/testing';
import { restoreContext } from '../checkpoint';
import type { EngineContext } from '../context';
import { restoreSimulation, type Simulation } from '../simulation';
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

  it('a Fargate Spot task counts as Spot hours; with no dated Spot rate its dollars are unknown (absent), not $0', () => {
    const spot = { capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] };
    const run = simulate(
      fargateDesign(
        [service('edge', 2, { ...spot, networkConfiguration: network })],
        '512',
        '1024',
      ),
    ).until(seconds(15) + minutes(60));
    const cost = costView(contextOf(run.sim));
    expect(cost.fargate).toEqual({
      vcpuHours: 0,
      gbHours: 0,
      usd: 0,
      spotVcpuHours: 1,
      spotGbHours: 2,
      ...(instanceCatalog().fargate.linuxX86Spot !== null && { spotUsd: expect.any(Number) }),
    });
    expect(cost.totalUsd).toBe(0);
  });

  it('a launch template asking for Spot makes Spot instances: hours, and no usd', () => {
    const d = asgDesign({ managedScaling: false, group: { DesiredCapacity: 2 } });
    const template = d.launchTemplates?.[0];
    if (template) template.LaunchTemplateData.InstanceMarketOptions = { MarketType: 'spot' };
    const run = simulate(d).until(minutes(30));
    const cost = costView(contextOf(run.sim));
    expect(cost.instances).toEqual([
      { instanceType: 'm5.large', purchase: 'spot', running: 2, hours: 1 },
    ]);
    expect(cost.totalUsd).toBe(0);
  });

  it("a mixed group's InstancesDistribution: the base On-Demand, then the percentage above it", () => {
    const d = asgDesign({
      managedScaling: false,
      group: {
        DesiredCapacity: 5,
        LaunchTemplate: undefined,
        MixedInstancesPolicy: {
          LaunchTemplate: {
            LaunchTemplateSpecification: { LaunchTemplateName: 'node' },
            Overrides: [{ InstanceType: 'c5.large' }],
          },
          InstancesDistribution: {
            OnDemandBaseCapacity: 1,
            OnDemandPercentageAboveBaseCapacity: 50,
          },
        },
      },
    });
    const run = simulate(d).until(minutes(60));
    // Base 1 On-Demand; above it 4 at 50%, rounded up for On-Demand: 2 and 2.
    const rows = costView(contextOf(run.sim)).instances.map((r) => [r.purchase, r.running]);
    expect(rows).toEqual([
      ['on-demand', 3],
      ['spot', 2],
    ]);
  });

  it('a Fargate task that stops within a minute is billed the minute', () => {
    const run = simulate(
      fargateDesign([service('edge', 1, { launchType: 'FARGATE', networkConfiguration: network })]),
    )
      .until(seconds(30))
      .apply({ action: 'UpdateService', input: { service: 'edge', desiredCount: 0 } })
      .until(minutes(5));
    expect(run.tasks({ lastStatus: 'STOPPED' })).toHaveLength(1);
    const cost = costView(contextOf(run.sim));
    expect(cost.fargate.vcpuHours).toBeCloseTo(1 / 60, 6);
    expect(cost.fargate.gbHours).toBeCloseTo(2 / 60, 6);
    expect(cost.usdPerHour).toBe(0);
  });

  it('terminated and deregistered instances stop billing; an external one never bills', () => {
    const run = simulate(
      design({
        containerInstances: [
          instance({ id: 'i-0000000000000000a' }),
          instance({ id: 'i-0000000000000000b' }),
        ],
        taskDefinitions: [],
      }),
    )
      .until(minutes(10))
      .apply({ action: 'TerminateInstance', input: { ec2InstanceId: 'i-0000000000000000a' } })
      .until(minutes(20))
      .apply({
        action: 'DeregisterContainerInstance',
        input: { cluster: 'test', containerInstance: 'i-0000000000000000b', force: true },
      })
      .apply({
        action: 'RegisterContainerInstance',
        input: {
          cluster: 'test',
          ec2InstanceId: 'i-0000000000000e001',
          totalResources: [
            { name: 'CPU', type: 'INTEGER', integerValue: 4096 },
            { name: 'MEMORY', type: 'INTEGER', integerValue: 8192 },
          ],
          attributes: [{ name: 'ecs.capability.external' }],
        },
      })
      .until(minutes(60));
    expect(run.results.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
    const [row] = costView(contextOf(run.sim)).instances;
    expect(row).toEqual({
      instanceType: 'm5.large',
      purchase: 'on-demand',
      running: 0,
      hours: 0.5,
      usd: expect.closeTo(0.5 * m5Price(), 6),
    });
  });

  it('checkpoint mid-run and restore: the cost goes on to the same view', () => {
    const d = asgDesign({
      managedScaling: false,
      group: { DesiredCapacity: 2, NewInstancesProtectedFromScaleIn: false },
      extra: {
        clusters: [{ clusterName: 'test', capacityProviders: ['cp', 'FARGATE', 'FARGATE_SPOT'] }],
        taskDefinitions: [taskDefinition('web'), fargateTd('edge', '1024', '2048')],
        services: [
          service('edge', 4, {
            capacityProviderStrategy: [
              { capacityProvider: 'FARGATE', base: 1, weight: 1 },
              { capacityProvider: 'FARGATE_SPOT', weight: 1 },
            ],
            networkConfiguration: network,
          }),
        ],
      },
    });
    const whole = simulate(d).until(minutes(20));
    const resumed = restoreSimulation(JSON.parse(JSON.stringify(whole.sim.checkpoint())));
    const scaleIn = {
      action: 'SetDesiredCapacity' as const,
      input: { AutoScalingGroupName: 'nodes', DesiredCapacity: 1 },
    };
    whole.apply(scaleIn).until(minutes(75));
    resumed.apply(scaleIn);
    resumed.advance(minutes(75));
    const a = costView(contextOf(whole.sim));
    expect(costView(contextOf(resumed))).toEqual(a);
    expect(a.instances[0]?.hours).toBeCloseTo(2 * (20 / 60) + 55 / 60, 6);
    expect(a.fargate.vcpuHours).toBeGreaterThan(1);
    expect(a.fargate.spotVcpuHours).toBeGreaterThan(1);
  });

  it('a checkpoint from before cost was kept: what runs bills from the restore on', () => {
    const run = simulate(
      design({
        containerInstances: [instance(), instance({ type: 'c5.large' })],
        taskDefinitions: [],
      }),
    ).until(minutes(30));
    const { cost: _, ...old } = JSON.parse(JSON.stringify(run.sim.checkpoint()));
    const ctx = restoreContext(old);
    expect(costView(ctx).instances.map((r) => [r.instanceType, r.running, r.hours])).toEqual([
      ['c5.large', 1, 0],
      ['m5.large', 1, 0],
    ]);
    ctx.nowMs += minutes(60);
    expect(costView(ctx).instances.map((r) => r.hours)).toEqual([1, 1]);
  });
});
